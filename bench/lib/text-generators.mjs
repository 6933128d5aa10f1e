// Text generators for the test sites: words, prose, code, CSS, JS and SVG, driven by a seeded
// PRNG (prng.mjs). Changing them changes the sites: bump GENERATOR_VERSION (cached-site.mjs).

export const WORDS = ('service worker cache request response offline page navigation fetch network '
  + 'precache manifest route strategy update install activate scope client register version '
  + 'header status storage quota expiration entry default option config build deploy server '
  + 'render template layout component module function return value string number object array '
  + 'promise async await event listener handler error retry timeout fallback asset image style '
  + 'script document browser origin path query hash redirect stream body content type encoding '
  + 'the a of to and in is for that with on as it by this be are from or can an will your you '
  + 'when which if not all each one use using should must may new first also more than only').split(' ');

export function sentence(r) {
  const n = r.int(6, 20);
  const w = [];
  for (let i = 0; i < n; i++) w.push(r.pick(WORDS));
  const s = w.join(' ');
  return s[0].toUpperCase() + s.slice(1) + r.pick(['.', '.', '.', '?', ':']);
}
export const paragraph = (r) => Array.from({ length: r.int(2, 7) }, () => sentence(r)).join(' ');
const ident = (r) => r.pick(WORDS) + r.pick(['', 'Key', 'Url', 'Name', 'List', 'Map', 'Options', 'State']) ;
export const slug = (r, n = 2) => Array.from({ length: n }, () => r.pick(WORDS)).join('-');

export function codeBlock(r) {
  const lines = [];
  for (let i = r.int(4, 18); i > 0; i--) {
    lines.push(r.pick([
      `const ${ident(r)} = await ${ident(r)}(${JSON.stringify(slug(r))});`,
      `if (!${ident(r)}) return ${ident(r)}.${ident(r)}();`,
      `${ident(r)}.addEventListener('${r.pick(['fetch', 'install', 'activate', 'message'])}', (event) =&gt; {`,
      `  event.respondWith(${ident(r)}(event.request));`,
      `});`,
      `export function ${ident(r)}(${ident(r)}, ${ident(r)} = {}) {`,
      `  return ${ident(r)}.${ident(r)} ?? ${r.int(0, 9999)};`,
      `}`,
      `// ${sentence(r)}`,
    ]));
  }
  return `<pre class="code"><code class="language-js">${lines.join('\n')}</code></pre>`;
}

export function cssText(r, bytes) {
  const props = ['color', 'background', 'margin', 'padding', 'border', 'font-size', 'line-height', 'display',
    'grid-template-columns', 'gap', 'border-radius', 'box-shadow', 'transition', 'max-width', 'position'];
  const vals = ['0', '1rem', '.5rem 1rem', 'var(--accent)', '#1f2328', '#f6f8fa', 'flex', 'grid', 'none',
    '1px solid var(--border)', '4px', '0 1px 3px rgba(0,0,0,.12)', 'color .2s ease', '72ch', 'sticky', '1.6'];
  let out = ':root{--accent:#0b63ce;--border:#d0d7de;--fg:#1f2328;--bg:#fff}\n';
  while (out.length < bytes) {
    const sel = [`.${slug(r)}`, `.${slug(r)} > .${r.pick(WORDS)}`, `.${slug(r)}:hover`, `#${r.pick(WORDS)} .${slug(r)}`];
    out += `${r.pick(sel)}{`;
    for (let i = r.int(2, 7); i > 0; i--) out += `${r.pick(props)}:${r.pick(vals)};`;
    out += '}\n';
    if (r.next() < 0.04) out += `@media (max-width:${r.pick([480, 768, 1024])}px){.${slug(r)}{display:none}}\n`;
  }
  return out.slice(0, bytes);
}

export function jsText(r, bytes, minified) {
  let out = minified ? '"use strict";' : "'use strict';\n";
  const sep = minified ? '' : '\n';
  while (out.length < bytes) {
    const f = minified ? String.fromCharCode(97 + r.int(0, 25)) + r.int(0, 99) : ident(r);
    const a = minified ? 'e' : ident(r);
    const b = minified ? 't' : ident(r);
    out += r.pick([
      `function ${f}(${a},${b}){if(!${a})return ${b};const n=${a}.${r.pick(WORDS)}||[];for(let i=0;i<n.length;i++)${b}(n[i],i);return n}${sep}`,
      `const ${f}=async(${a})=>{const r=await fetch(${a},{credentials:"same-origin"});if(!r.ok)throw new Error(${JSON.stringify(sentence(r))});return r.json()};${sep}`,
      `document.querySelectorAll(".${slug(r)}").forEach(${a}=>${a}.addEventListener("click",()=>${a}.classList.toggle("${r.pick(WORDS)}")));${sep}`,
      `export const ${f}={${r.pick(WORDS)}:${r.int(0, 9999)},${r.pick(WORDS)}:"${slug(r, 3)}",${r.pick(WORDS)}:${r.next() < 0.5}};${sep}`,
      minified ? '' : `// ${sentence(r)}\n`,
    ]);
  }
  return out.slice(0, bytes);
}

export function svgText(r, bytes) {
  let out = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="2">`;
  while (out.length < bytes - 6) {
    out += `<path d="M${r.int(0, 24)} ${r.int(0, 24)}l${r.int(-9, 9)} ${r.int(-9, 9)}c${r.int(0, 9)}.${r.int(0, 9)} ${r.int(0, 9)} ${r.int(0, 9)}.${r.int(0, 9)} ${r.int(0, 24)}z"/>`;
  }
  return (out.slice(0, bytes - 6) + '</svg>').slice(-bytes);
}
