import { dressRequest } from './dress-request.js';

/** A navigation to `url`, as a fetch event gives it (mode `navigate`, destination `document`). */
export function navigation(url: string | URL, init?: RequestInit): Request {
  return dressRequest(new Request(url, init), { mode: 'navigate', destination: 'document' });
}
