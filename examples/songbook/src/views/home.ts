import { html } from '../html.js';
import type { LessonSummary } from '../model.js';
import { SITE, type Page } from './page.js';

/** The home page: every lesson, or those whose title, composer or genre contain `query`. */
export function homePage(all: readonly LessonSummary[], query = ''): Page {
  const q = query.trim().toLowerCase();
  const lessons = q ? all.filter((l) => `${l.title} ${l.composer} ${l.genre}`.toLowerCase().includes(q)) : all;
  return {
    title: `${SITE} – music lessons`,
    description: `${lessons.length} short music lessons with sheet music and audio: folk songs, classical themes, blues and technique.`,
    body: html`<section class="intro">
  <h1>Learn a tune a day</h1>
  <p>${all.length} short lessons, each with sheet music, an audio clip and practice notes. Open one, read the notes, listen, play.</p>
  <form class="search" method="get" action="/" role="search">
    <label for="q">Find a lesson</label>
    <input id="q" name="q" type="search" value="${query}" placeholder="Title, composer or genre">
    <button type="submit">Search</button>
  </form>
  ${q ? html`<p class="search-result">${lessons.length} lesson(s) for “${query}”. <a href="/">Show all</a></p>` : ''}
</section>
<ol class="lesson-list">
${lessons.map((l) => html`  <li class="lesson-item">
    <a class="lesson-link" href="/lessons/${l.id}">${l.title}</a>
    <span class="lesson-meta">${l.composer} · ${l.genre}</span>
    <span class="level level-${l.level.toLowerCase()}">${l.level}</span>
    <span class="save-control"><button type="button" class="save-button" data-shellac-save="/lessons/${l.id}">Save for offline</button></span>
  </li>
`)}</ol>`,
  };
}
