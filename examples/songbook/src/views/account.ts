import { html } from '../html.js';
import type { PracticeItem, User } from '../model.js';
import { pageTitle, type Page } from './page.js';

export function accountPage(user: User, practice: readonly PracticeItem[]): Page {
  return {
    title: pageTitle('Your account'),
    description: 'Your Songbook account and practice list.',
    body: html`<h1>Your account</h1>
<p class="signed-in">Signed in as <strong>${user.username}</strong></p>
<section class="practice-list">
  <h2>My practice list</h2>
${practice.length === 0
  ? html`  <p class="empty">Nothing yet. Open a lesson and choose “Add to my practice list”.</p>
`
  : html`  <ol class="lesson-list">
${practice.map((l) => html`    <li class="lesson-item">
      <a class="lesson-link" href="/lessons/${l.id}">${l.title}</a>
      <span class="lesson-meta">${l.composer} · ${l.genre}</span>
      <span class="level level-${l.level.toLowerCase()}">${l.level}</span>
    </li>
`)}  </ol>
`}</section>
<form class="signout-form" method="post" action="/logout"><button type="submit">Sign out</button></form>`,
  };
}
