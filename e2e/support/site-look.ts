/** The example site's computed colours (page background, header) when its stylesheet applies; see `styles`. */
export const SITE_LOOK = { body: 'rgb(250, 247, 240)', header: 'rgb(46, 94, 78)' };
