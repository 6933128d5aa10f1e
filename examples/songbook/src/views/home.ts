import { html } from '../html.js';
import type { LessonSummary } from '../db/store.js';
import { SITE, type Page } from './page.js';

export function homePage(lessons: readonly LessonSummary[]): Page {
  return {
    title: `${SITE} – music lessons`,
    description: `${lessons.length} short music lessons with sheet music and audio: folk songs, classical themes, blues and technique.`,
    body: html`<section class="intro">
  <h1>Learn a tune a day</h1>
  <p>${lessons.length} short lessons, each with sheet music, an audio clip and practice notes. Open one, read the notes, listen, play.</p>
</section>
<ol class="lesson-list">
${lessons.map((l) => html`  <li class="lesson-item">
    <a class="lesson-link" href="/lessons/${l.id}">${l.title}</a>
    <span class="lesson-meta">${l.composer} · ${l.genre}</span>
    <span class="level level-${l.level.toLowerCase()}">${l.level}</span>
  </li>
`)}</ol>`,
  };
}
