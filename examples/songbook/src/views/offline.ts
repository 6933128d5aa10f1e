import { html } from '../html.js';
import { pageTitle, type Page, type ViewContext } from './page.js';

/**
 * "On this device": the lessons this person saved for offline, their sizes, the storage used, and
 * a way to clear it all. The list lives in the browser (the service worker's saved items), so the
 * page's script (`js/offline.js`) fills it in; without the script it says how to save.
 */
export function offlinePage(context: Pick<ViewContext, 'asset'>): Page {
  return {
    title: pageTitle('On this device'),
    description: 'The lessons you saved on this device for offline use.',
    body: html`<h1>On this device</h1>
<p class="offline-intro">Lessons you save with <strong>Save for offline</strong> stay on this device: their notes, sheet music and audio open with no network, until you remove them.</p>
<p class="offline-storage" data-offline-storage aria-live="polite">Checking how much space is used…</p>
<ul class="saved-list" data-saved-list aria-label="Saved lessons"></ul>
<p class="saved-empty" data-saved-empty hidden>Nothing saved yet. Open a lesson, or use the button on a lesson card, to save it for offline.</p>
<p><button type="button" class="clear-offline" data-clear-offline>Clear offline data</button></p>
<p class="offline-status" data-offline-status role="status"></p>
<script src="${context.asset('js/offline.js')}" defer></script>`,
  };
}
