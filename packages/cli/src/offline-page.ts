/**
 * Writes an offline page in the site's own look: it borrows the stylesheets, icon and header of
 * a page of the site (the root index when there is one), so the fallback feels like the site.
 * Links it borrows are relative to `sourceDepth` folders down and are rewritten for the root.
 */
export function offlinePage(sourceHtml: string | undefined, sourceDepth: number): string {
  const html = sourceHtml ?? '';
  const up = '../'.repeat(sourceDepth);
  const rebase = (fragment: string) =>
    fragment.replace(/\b(href|src)="(?![a-z][a-z0-9+.-]*:|\/|#)([^"]*)"/gi, (_, attr: string, url: string) => {
      const rel = url.startsWith(up) ? url.slice(up.length) : url;
      return `${attr}="${rel}"`;
    });
  const links = [...html.matchAll(/<link\b[^>]*\brel="?(?:stylesheet|icon|shortcut icon)"?[^>]*>/gi)].map((m) => rebase(m[0]));
  const lang = /<html\b[^>]*\blang="([^"]+)"/i.exec(html)?.[1] ?? 'en';
  const siteTitle = /<title>([^<]*)<\/title>/i.exec(html)?.[1]?.split(/\s[|–—-]\s/).pop()?.trim();
  const header = /<header\b[\s\S]*?<\/header>/i.exec(html)?.[0];
  // Back online, the page tries again by itself, but never once a navigation away has begun: a
  // reload then replaces the page the person (or a test) is going to. Chromium fires `online` on
  // an offline page during a later navigation, with the network still emulated offline.
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>You are offline${siteTitle ? ` – ${siteTitle}` : ''}</title>
${links.join('\n')}
<style>.shellac-offline{max-width:36rem;margin:3rem auto;padding:0 1rem;text-align:center}.shellac-offline button{font:inherit;padding:.5em 1.2em;cursor:pointer}</style>
</head>
<body>
${header ? rebase(header) : ''}
<main class="shellac-offline" id="main">
<h1>You are offline</h1>
<p>This page has not been saved on this device yet. Pages you have already visited still work.</p>
<p><button type="button" id="shellac-retry">Try again</button></p>
</main>
<script>
var leaving=false;
addEventListener('beforeunload',function(){leaving=true});
addEventListener('pageshow',function(){leaving=false});
document.getElementById('shellac-retry').onclick=function(){location.reload()};
addEventListener('online',function(){if(!leaving)location.reload()});
</script>
</body>
</html>
`;
}
