import type { BackgroundSave } from '@shellac/protocol';

/** Files that mark an item as media: audio and video, by extension. */
const MEDIA = /\.(mp3|m4a|aac|oga|ogg|opus|wav|flac|mp4|m4v|webm|mov|mkv|ogv)$/i;

/** More files than this make an item large, media or not. */
export const LARGE_FILE_COUNT = 20;

/**
 * Whether `background: 'auto'` hands an item to Background Fetch: it holds an audio or video
 * file (by its path's extension), or more than {@link LARGE_FILE_COUNT} files. Sizes are not
 * known before the files are fetched; these two are, from the worker's plan.
 */
export function isLargeSave(plan: Pick<BackgroundSave, 'requests'>): boolean {
  return plan.requests.length > LARGE_FILE_COUNT || plan.requests.some((url) => MEDIA.test(new URL(url).pathname));
}
