import { html } from '../html.js';
import type { Lesson } from '../db/store.js';
import { pageTitle, type Page, type ViewContext } from './page.js';

export interface LessonView {
  lesson: Lesson;
  /** Whether the signed-in user already has it in the practice list. */
  inPracticeList: boolean;
}

export function lessonPage({ lesson, inPracticeList }: LessonView, context: ViewContext): Page {
  const base = `/lessons/${lesson.id}`;
  const paragraphs = lesson.notes.split(/\n{2,}/);
  return {
    title: pageTitle(lesson.title),
    description: `${lesson.title} (${lesson.composer}): a ${lesson.level.toLowerCase()} ${lesson.genre.toLowerCase()} lesson with sheet music and audio.`,
    body: html`<article class="lesson" data-lesson-id="${lesson.id}">
  <p class="breadcrumb"><a href="/">All lessons</a></p>
  <h1>${lesson.title}</h1>
  <p class="lesson-byline">${lesson.composer} · ${lesson.genre} · <span class="level level-${lesson.level.toLowerCase()}">${lesson.level}</span></p>
  <p class="save-control"><button type="button" class="save-button" data-shellac-save="${base}">Save for offline</button></p>
  <dl class="lesson-facts">
    <div><dt>Key</dt><dd>${lesson.key}</dd></div>
    <div><dt>Time</dt><dd>${lesson.beatsPerMeasure}/4</dd></div>
    <div><dt>Tempo</dt><dd>♩ = ${lesson.tempo}</dd></div>
  </dl>
  <figure class="sheet">
    <img src="${base}/sheet.svg" alt="Sheet music for ${lesson.title}" width="720">
    <figcaption><a class="download" href="${base}/sheet.svg">Download sheet music</a> (SVG)</figcaption>
  </figure>
  <div class="listen">
    <h2>Listen</h2>
    <audio controls preload="none" src="${base}/clip.wav"></audio>
  </div>
  <section class="lesson-notes">
    <h2>Notes</h2>
${paragraphs.map((p) => html`    <p>${p}</p>
`)}  </section>
  <section class="practice">
    <h2>Practice</h2>
    <div class="practice-timer" data-practice-timer>
      <output class="practice-time" aria-live="off">0:00</output>
      <button type="button" data-timer-toggle>Start practice timer</button>
      <button type="button" data-timer-reset>Reset</button>
    </div>
${context.user
  ? html`    <form class="practice-form" method="post" action="${base}/practice">
      <button type="submit">Add to my practice list</button>
      ${inPracticeList ? html`<span class="practice-note">✓ In your <a href="/account">practice list</a>.</span>` : ''}
    </form>
`
  : html`    <p class="practice-note"><a href="/login">Sign in</a> to keep a practice list.</p>
`}  </section>
</article>
<script src="${context.asset('js/lesson.js')}" defer></script>`,
  };
}
