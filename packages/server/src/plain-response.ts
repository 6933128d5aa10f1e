/** The methods Shellac's own URLs answer. */
const ALLOWED = 'GET, HEAD';

/** A short plain-text answer (an error a developer reads in the browser or in curl). */
export function plainResponse(status: number, text: string, headers: Record<string, string> = {}): Response {
  return new Response(text, { status, headers: { 'Content-Type': 'text/plain; charset=utf-8', ...headers } });
}

/** 405 for a method other than GET or HEAD on one of Shellac's own URLs. */
export function methodNotAllowed(): Response {
  return plainResponse(405, 'Method not allowed', { Allow: ALLOWED });
}
