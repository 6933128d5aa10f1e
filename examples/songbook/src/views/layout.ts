import { CONTENT_ATTR } from '@shellac/protocol';
import { html, raw, type SafeHtml } from '../html.js';
import { SITE, type Page, type Viewer } from './page.js';

/**
 * Who the header is for. The shell is one document for everybody, so it shows only neutral links
 * (never a name); full pages show the sign-in state.
 */
export type HeaderState = { shell: true } | { shell: false; user: Viewer };

export interface BaseOptions {
  asset(name: string): string;
  header: HeaderState;
}

/** The `<head>` metadata a page shares between its two renderings. */
export function pageHead(page: Pick<Page, 'description'>): SafeHtml {
  return html`<meta name="description" content="${page.description}">`;
}

function session(header: HeaderState): SafeHtml {
  if (header.shell || header.user === undefined) return html``;
  if (header.user === null) return html`<a class="session-link" href="/login">Sign in</a>`;
  return html`<span class="session-name">Signed in as <strong>${header.user.username}</strong></span>
      <form class="session-form" method="post" action="/logout"><button type="submit" class="link-button">Sign out</button></form>`;
}

/**
 * The base template: the whole page around a content region. With `page` undefined it is the
 * shell: the same document with the region empty, as `/__shell` serves it.
 */
export function renderBase(page: Page | undefined, options: BaseOptions): string {
  const { asset, header } = options;
  const title = page?.title ?? `${SITE} – music lessons`;
  const description = page?.description ?? 'Songbook: music lessons with sheet music and audio, online and offline.';
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
${pageHead({ description })}
<link rel="stylesheet" href="${asset('css/songbook.css')}">
<link rel="icon" type="image/svg+xml" href="${asset('img/logo.svg')}">
<script src="/shellac.js" defer></script><script src="/shellac-shell.js" defer></script><script src="/shellac-save.js" defer></script>
</head>
<body>
<header class="site-header">
  <div class="site-header-inner">
    <a class="brand" href="/"><img src="${asset('img/logo.svg')}" alt="" width="36" height="36"><span>${SITE}</span></a>
    <nav class="site-nav" aria-label="Main">
      <a href="/">Home</a>
      <a href="/about">About</a>
      <a href="/account">Account</a>
      <a href="/offline">On this device</a>
    </nav>
    <div class="session">${session(header)}</div>
  </div>
</header>
<main id="content" ${raw(CONTENT_ATTR)}>${page?.body}</main>
<footer class="site-footer">
  <p>Songbook is the demo app of Shellac: every page here also works offline once visited.</p>
</footer>
</body>
</html>
`.value;
}
