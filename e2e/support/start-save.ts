import type { Page } from '@playwright/test';

/** Starts a save in the page with the API; its outcome is kept in `window.saveOutcome`. */
export const startSave = (page: Page, url: string, options: { background?: boolean | 'auto' } = {}) =>
  page.evaluate(
    ({ url, options }) => {
      const control = new AbortController();
      const handle = window.shellacSaves!.save(url, { ...options, signal: control.signal });
      const w = window as unknown as SaveWindow; // the test's own fields
      w.saveControl = control;
      w.saveEvents = [];
      handle.on('progress', (m) => (w.saveEvents.push(`${m.state}${m.id === handle.id ? '' : ' (background)'}`), (w.saveFiles = m.files)));
      handle.on('error', (e) => w.saveEvents.push(`error ${e.code}`));
      w.saveOutcome = handle.done.then(
        (reply) => ({ ok: true, urls: reply.items.map((i) => i.url) }),
        (e) => ({ ok: false, name: e.name, code: e.code, message: e.message, details: { ...e.details, reply: undefined } }),
      );
    },
    { url, options },
  );
export type SaveOutcome = { ok: true; urls: string[] } | { ok: false; name: string; code: string; message: string; details: Record<string, unknown> };
export interface SaveWindow {
  saveControl: AbortController;
  saveEvents: string[];
  /** The files count of the latest progress message. */
  saveFiles?: { done: number; total: number };
  saveOutcome: Promise<SaveOutcome>;
}
export const saveOutcome = (page: Page) => page.evaluate(() => (window as unknown as SaveWindow).saveOutcome);
export const saveEvents = (page: Page) => page.evaluate(() => (window as unknown as SaveWindow).saveEvents);
