import { html } from '../html.js';
import { pageTitle, type Page } from './page.js';

export function aboutPage(): Page {
  return {
    title: pageTitle('About'),
    description: 'About Songbook, the demo app of Shellac.',
    body: html`<h1>About Songbook</h1>
<p>Songbook is a small library of music lessons, in the spirit of Soundslice: each lesson has notes, sheet music and a short audio clip.</p>
<p>It is also the demo of <strong>Shellac</strong>'s app shell. The first visit installs a service worker; after that, every page opens at once from a cached shell (the header and footer you see), and only the content in the middle comes from the server. Lessons you have opened keep working offline.</p>
<p>The server is an ordinary server-rendered app (Hono and SQLite). The only change the app shell needs is a one-line choice per view: the full page, or the content alone when the shell asks for it.</p>`,
  };
}
