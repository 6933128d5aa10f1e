/** The URL path the browser uses for a site path (percent-encoded as the URL parser does), without the leading `/`. */
export const urlOf = (rel: string): string => new URL(rel, 'http://x/').pathname.slice(1);

/** How many folders a site path sits below the site root. */
export const depthOf = (rel: string): number => rel.split('/').length - 1;
