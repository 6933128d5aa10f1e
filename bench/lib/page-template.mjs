// The page `server-throughput` renders: a lesson list of about 5 KB, built from data on every
// request (as a template engine would), in two variants from one set of parts: the full page
// (the base template around the content) and the content-only document of the app-shell
// protocol (docs/design/app-shell.md).

const LESSONS = Array.from({ length: 24 }, (_, i) => ({
  id: i + 1,
  title: `Lesson ${i + 1}: ${['Scales', 'Arpeggios', 'Chords', 'Rhythm', 'Sight reading', 'Improvisation'][i % 6]}`,
  level: ['Beginner', 'Intermediate', 'Advanced'][i % 3],
  minutes: 10 + ((i * 7) % 35),
}));

const escape = (s) => String(s).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);
const TITLE = 'All lessons – Songbook';

function content() {
  const items = LESSONS.map((l) => `<li class="lesson-item"><a href="/lessons/${l.id}">${escape(l.title)}</a> <span class="level level-${l.level.toLowerCase()}">${escape(l.level)}</span> <span class="minutes">${l.minutes} min</span></li>`);
  return `<h1>All lessons</h1>
<p class="intro">Every lesson comes with sheet music and a short recording. Pick one to start practising.</p>
<ul class="lesson-list">
${items.join('\n')}
</ul>`;
}

/** The full page; with `body === ''` it is the shell. */
export function fullPage(asset, body = content()) {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(TITLE)}</title>
<meta name="description" content="Songbook: music lessons with sheet music and audio, online and offline.">
<link rel="stylesheet" href="${asset('css/songbook.css')}">
<link rel="icon" type="image/svg+xml" href="${asset('img/logo.svg')}">
<script src="/shellac.js" defer></script><script src="/shellac-shell.js" defer></script>
</head>
<body>
<header class="site-header"><div class="site-header-inner">
<a class="brand" href="/"><img src="${asset('img/logo.svg')}" alt="" width="36" height="36"><span>Songbook</span></a>
<nav class="site-nav" aria-label="Main"><a href="/">Home</a> <a href="/about">About</a> <a href="/account">Account</a></nav>
<div class="session"><a class="session-link" href="/login">Sign in</a></div>
</div></header>
<main id="content" data-shellac-content>${body}</main>
<footer class="site-footer"><p>Songbook is the demo app of Shellac: every page here also works offline once visited.</p></footer>
</body>
</html>
`;
}

/** The content-only variant: `<head>` with the title and meta, `<body>` = the content region. */
export function contentPage() {
  return `<!doctype html><html><head><title>${escape(TITLE)}</title><meta name="description" content="Songbook: music lessons with sheet music and audio, online and offline."></head>
<body>${content()}</body></html>
`;
}
