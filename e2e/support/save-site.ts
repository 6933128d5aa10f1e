import type { SiteBuild } from './build.js';

/** Length of the generated clip, in seconds. */
export const TUNE_SECONDS = 30;

/**
 * A WAV clip of a slow sine tone: 16-bit mono PCM at 16 kHz, so 30 s make about 960 kB, large
 * enough to need several range requests and small enough to write in an instant.
 */
export function wav(seconds = TUNE_SECONDS, rate = 16_000): Buffer {
  const samples = seconds * rate;
  const out = Buffer.alloc(44 + samples * 2);
  out.write('RIFF', 0);
  out.writeUInt32LE(36 + samples * 2, 4);
  out.write('WAVEfmt ', 8);
  out.writeUInt32LE(16, 16); // PCM header size
  out.writeUInt16LE(1, 20); // PCM
  out.writeUInt16LE(1, 22); // mono
  out.writeUInt32LE(rate, 24);
  out.writeUInt32LE(rate * 2, 28); // bytes per second
  out.writeUInt16LE(2, 32); // bytes per frame
  out.writeUInt16LE(16, 34); // bits per sample
  out.write('data', 36);
  out.writeUInt32LE(samples * 2, 40);
  for (let i = 0; i < samples; i++) out.writeInt16LE(Math.round(Math.sin((2 * Math.PI * 220 * i) / rate) * 8000), 44 + i * 2);
  return out;
}

/** A page of the example site's look (its stylesheet and header), one folder below the root. */
export function sitePage(title: string, main: string): string {
  return `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>${title}</title>
  <link rel="icon" href="../img/icon.svg" type="image/svg+xml">
  <link rel="stylesheet" href="../css/site.css">
</head>
<body>
  <header class="site-header"><div class="wrap"><a class="brand" href="../index.html">Fieldnotes</a></div></header>
  <main id="main" class="wrap">
    <h1>${title}</h1>
    ${main}
  </main>
</body>
</html>
`;
}

/**
 * Adds the pages the save tests use: `listen/tune.html` (an image that is not precached, the
 * clip, and a button that saves the page itself), `listen/index.html` (buttons that save other
 * pages, never visited: the clip's with the worker's own fetches, About's with meadow.png as an
 * extra file, the guide's as a `<shellac-save>` element), `listen/broken.html` (an image that does
 * not exist).
 */
export function addListenPages(build: SiteBuild) {
  build.write('media/tune.wav', wav());
  build.write(
    'listen/tune.html',
    sitePage(
      'A tune',
      `<img src="../img/meadow.png" alt="A meadow" width="384" height="224">
    <audio controls preload="none" src="../media/tune.wav"></audio>
    <p><button data-shellac-save>Save</button></p>`,
    ),
  );
  build.write(
    'listen/index.html',
    sitePage(
      'Listen',
      `<ul>
      <li><a href="tune.html">A tune</a> <button data-shellac-save="tune.html" data-shellac-save-background="false">Save</button></li>
      <li><a href="../about.html">About</a> <button data-shellac-save="../about.html" data-shellac-save-also="../img/meadow.png">Save</button></li>
      <li><a href="../guide/">Guide</a> <shellac-save url="../guide/"></shellac-save></li>
      <li><a href="broken.html">Broken</a> <button data-shellac-save="broken.html">Save</button></li>
    </ul>`,
    ),
  );
  build.write('listen/broken.html', sitePage('Broken', '<img src="../img/missing.png" alt="Not there">'));
}
