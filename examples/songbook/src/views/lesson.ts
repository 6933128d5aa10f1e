import { html, type SafeHtml } from '../html.js';
import type { Lesson } from '../model.js';
import { pageTitle, type Page, type ViewContext, type Viewer } from './page.js';

/** Which of a lesson's files this device holds (rendered offline); undefined: the server's page, where both are at hand. */
export interface LessonMedia {
  sheet: boolean;
  clip: boolean;
}

export interface LessonView {
  lesson: Lesson;
  /** Whether the signed-in user already has it in the practice list. */
  inPracticeList: boolean;
  media?: LessonMedia | undefined;
}

/** In place of a file this device does not hold: says so, and (once a page) how to have it next time. */
function missing(what: string, base: string, offerSave: boolean): SafeHtml {
  return html`<div class="media-missing" data-media-missing>
    <p><strong>${what} not on this device.</strong>${offerSave ? ' This lesson was opened offline from its notes. Save it for offline when you are back online, and its sheet music and audio stay with it.' : ''}</p>
    ${offerSave ? html`<p class="save-control"><button type="button" class="save-button" data-shellac-save="${base}">Save for offline</button></p>` : ''}
  </div>`;
}

function practiceForm(user: Viewer, base: string, inPracticeList: boolean): SafeHtml {
  if (user === undefined) return html`    <p class="practice-note">Your practice list shows here when you are back online.</p>
`;
  if (user === null) return html`    <p class="practice-note"><a href="/login">Sign in</a> to keep a practice list.</p>
`;
  return html`    <form class="practice-form" method="post" action="${base}/practice">
      <button type="submit">Add to my practice list</button>
      ${inPracticeList ? html`<span class="practice-note">✓ In your <a href="/account">practice list</a>.</span>` : ''}
    </form>
`;
}

export function lessonPage({ lesson, inPracticeList, media }: LessonView, context: ViewContext): Page {
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
  ${media && !media.sheet
    ? missing('Sheet music is', base, true)
    : html`<figure class="sheet">
    <img src="${base}/sheet.svg" alt="Sheet music for ${lesson.title}" width="720">
    <figcaption><a class="download" href="${base}/sheet.svg">Download sheet music</a> (SVG)</figcaption>
  </figure>`}
  <div class="listen">
    <h2>Listen</h2>
    ${media && !media.clip ? missing('The audio clip is', base, media.sheet) : html`<audio controls preload="none" src="${base}/clip.wav"></audio>`}
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
${practiceForm(context.user, base, inPracticeList)}  </section>
</article>
<script src="${context.asset('js/lesson.js')}" defer></script>`,
  };
}
