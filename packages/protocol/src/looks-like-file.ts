/**
 * True for a URL path that names a file rather than a page: its last segment has an extension
 * other than `.html`/`.htm` (`/lessons/1/clip.wav`, `/css/app.css`). The app shell answers and
 * swaps pages only; files go to the network or their own routes.
 */
export function looksLikeFile(pathname: string): boolean {
  return /\/[^/]*\.(?!html?$)[A-Za-z0-9]{1,8}$/.test(pathname);
}
