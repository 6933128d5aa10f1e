// Writes the two PNG photos used by the Fieldnotes example site.
// Usage: node examples/static-site/scripts/make-png.mjs
// Uses only node built-ins (node:zlib for deflate); CRC32 is computed inline.
import { deflateSync } from 'node:zlib';
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const imgDir = fileURLToPath(new URL('../site/img/', import.meta.url));

const crcTable = new Uint32Array(256).map((_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}
function png(width, height, pixel) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 2; // colour type: RGB
  const raw = Buffer.alloc((width * 3 + 1) * height);
  let i = 0;
  for (let y = 0; y < height; y++) {
    raw[i++] = 0; // filter: none
    for (let x = 0; x < width; x++) {
      const [r, g, b] = pixel(x / (width - 1), y / (height - 1));
      raw[i++] = r; raw[i++] = g; raw[i++] = b;
    }
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}
const mix = (a, b, t) => a.map((v, k) => Math.round(v + (b[k] - v) * Math.min(1, Math.max(0, t))));

// Meadow: pale morning sky over a gently rolling green field.
const meadow = png(384, 224, (x, y) => {
  const horizon = 0.62 + 0.06 * Math.sin(x * Math.PI * 2.2);
  if (y < horizon) return mix([214, 232, 240], [250, 241, 214], y / horizon);
  return mix([132, 170, 104], [70, 116, 78], (y - horizon) / (1 - horizon));
});

// Dusk: warm evening gradient with a low sun and dark treeline.
const dusk = png(384, 224, (x, y) => {
  const d = Math.hypot(x - 0.7, (y - 0.68) * 1.7);
  const tree = 0.8 + 0.05 * Math.sin(x * 23) + 0.03 * Math.sin(x * 57);
  if (y > tree) return [38, 52, 50];
  const sky = mix([92, 84, 140], [244, 170, 110], y / 0.8);
  return d < 0.09 ? [255, 226, 160] : mix([255, 214, 150], sky, d / 0.35);
});

writeFileSync(imgDir + 'meadow.png', meadow);
writeFileSync(imgDir + 'dusk.png', dusk);
console.log(`wrote meadow.png (${meadow.length} B) and dusk.png (${dusk.length} B) to ${imgDir}`);
