// Peer configurations, shared by the rows and by the child script that times workbox-build.
// Workbox is configured as its docs describe an offline fallback for a server-rendered site:
// precache assets + offline.html, NetworkFirst for navigations with expiration, and
// `precacheFallback` (PrecacheFallbackPlugin) serving offline.html when the network and the
// pages cache both fail. (`navigateFallback` would be wrong here: it serves one URL for every
// navigation, an app-shell pattern, rather than falling back when offline.)

export const OFFLINE_URL = 'offline.html';

/** The runtime part of the Workbox setup (identical in every Workbox variant). */
export function workboxRuntime() {
  return {
    runtimeCaching: [
      {
        urlPattern: ({ request }) => request.mode === 'navigate',
        handler: 'NetworkFirst',
        options: {
          cacheName: 'pages',
          networkTimeoutSeconds: 3,
          expiration: { maxEntries: 50 },
          precacheFallback: { fallbackURL: OFFLINE_URL },
        },
      },
    ],
    // One minified file, no source map: what `worker-size` measures.
    inlineWorkboxRuntime: true,
    mode: 'production',
    sourcemap: false,
    // Stated although they are the defaults, so the setup reads in full.
    offlineGoogleAnalytics: false,
    skipWaiting: false,
    clientsClaim: false,
  };
}

/** Precache globs for the docs site: css, js, images and the offline page. */
export const DOCS_GLOBS = ['**/*.{css,js,svg,png}', OFFLINE_URL];

/** generateSW options; `globPatterns` selects the manifest variant. */
export function workboxGenerateOptions({ site, swDest, globPatterns, maximumFileSizeToCacheInBytes }) {
  return {
    globDirectory: site,
    globPatterns,
    swDest,
    ...(maximumFileSizeToCacheInBytes ? { maximumFileSizeToCacheInBytes } : {}),
    ...workboxRuntime(),
  };
}
