import { atMost } from '../core/at-most.js';
import { networkFailure, SaveError } from './save-error.js';

export interface FetchFilesOptions {
  /** The item these files belong to (for errors). */
  item: string;
  /** How many files are fetched at once. */
  concurrency: number;
  signal: AbortSignal;
  /** Called after each file with its size and its announced size (Content-Length, 0 when none). */
  onFile(bytes: number, announced: number): void;
  /** More files a fetched one references (a stylesheet's fonts and images). */
  more?(url: string, response: Response): Promise<string[]>;
  /** Called when `more` added files to fetch. */
  onQueued?(count: number): void;
}

/**
 * The response as it will be stored: its body whole and already decoded, so the encoding and
 * length the network announced would misdescribe it; the length is set to what is held.
 */
export function storedCopy(response: Response, body: Blob): Response {
  const headers = new Headers(response.headers);
  headers.delete('Content-Encoding');
  headers.set('Content-Length', String(body.size));
  return new Response(body, { status: response.status, statusText: response.statusText, headers });
}

/**
 * Fetches every file whole, a few at a time, each into memory (a Blob, which the browser keeps on
 * disk when large) so nothing is stored before all of them arrived. The first failure stops the
 * rest and is thrown as a {@link SaveError} naming the file.
 */
export async function fetchFiles(urls: string[], options: FetchFilesOptions): Promise<Map<string, Response>> {
  const { item } = options;
  // The first failure stops the other fetches too.
  const stop = new AbortController();
  const signal = AbortSignal.any([options.signal, stop.signal]);
  const queue = [...urls];
  const seen = new Set(urls);
  const out = new Map<string, Response>();
  const one = async (url: string) => {
    const failed = networkFailure(item, url);
    const response = await fetch(url, { signal }).catch(failed);
    // A 206 is part of a file: saving it as the file would break playback offline.
    if (response.status !== 200) throw new SaveError('http', item, `${url}: HTTP ${response.status}`, { file: url, status: response.status });
    const announced = Number(response.headers.get('Content-Length') ?? 0);
    const more = await options.more?.(url, response.clone()).catch(failed);
    const body = await response.blob().catch(failed);
    out.set(url, storedCopy(response, body));
    options.onFile(body.size, announced);
    const fresh = (more ?? []).filter((next) => !seen.has(next));
    for (const next of fresh) seen.add(next), queue.push(next);
    if (fresh.length) options.onQueued?.(fresh.length);
  };
  try {
    await atMost(options.concurrency, queue, one);
    // A run that found the queue empty may have stopped before another added to it.
    await atMost(1, queue, one);
  } catch (error) {
    stop.abort();
    throw error;
  }
  return out;
}
