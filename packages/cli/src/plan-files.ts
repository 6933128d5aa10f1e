import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { FILES, hashOfDigest, isHashedName, type ManifestEntry } from '@shellac/protocol';
import type { BuildConfig } from './build-config.js';
import type { PlannedFile } from './build-plan.js';
import { hashFile } from './hash-file.js';
import { injectRegistration, injectRegistrationBytes } from './inject-registration.js';
import { offlinePage } from './offline-page.js';
import { isHtml, type SiteFile } from './scan-site.js';
import { depthOf, urlOf } from './site-url.js';
import type { WorkerAppEntry } from './worker-app-entry.js';

/** A site checked and ready to plan: its files (Shellac's own names left out) and the config for it. */
export interface CheckedSite {
  files: SiteFile[];
  config: BuildConfig;
  app: boolean;
  /** With `app`: the URL path of the static folder, as `/static/`. */
  base: string;
  /** Paths of the site files to precache. */
  precached: Set<string>;
  offlineFile: SiteFile | undefined;
  /** The app inside the worker, when the config has one. */
  worker?: WorkerAppEntry;
}

/** A precached file as planned: its manifest entry, its size for the summary, its bytes for the pack. */
export interface PlannedEntry {
  entry: ManifestEntry;
  size: number;
  /** Reads its bytes again (kept lazy: a large site's bytes are not all held at once). */
  body(): Buffer | string;
}

/** The output files planned so far, the precached ones' entries, the asset map. */
export interface FilesPlan {
  files: PlannedFile[];
  entries: PlannedEntry[];
  assets: Record<string, string>;
  pages: number;
}

/** A file whose name carries its hash is listed by URL alone; the others with a short hash of their bytes. */
const entry = (url: string, data: Buffer | string, body: () => Buffer | string, hashedName = isHashedName(url)): PlannedEntry => ({
  entry: hashedName ? [url] : [url, hashOfDigest(createHash('sha256').update(data).digest())],
  size: Buffer.byteLength(data),
  body,
});
/** The entry of a site file placed unchanged, hashed as it is read (its bytes are not kept). */
const fileEntry = (url: string, f: SiteFile): PlannedEntry => {
  const { digest, size } = hashFile(f.abs);
  return { entry: isHashedName(url) ? [url] : [url, hashOfDigest(digest)], size, body: () => readFileSync(f.abs) };
};

/**
 * Plans the site's own files. App mode: each file twice, under its name and a hashed one (the
 * hashed one for views, immutable; the plain one for relative `url()`s in CSS). Otherwise: pages
 * with the registration script (unless `inject` is off), other files unchanged.
 */
export function planSiteFiles(site: CheckedSite): FilesPlan {
  const plan: FilesPlan = { files: [], entries: [], assets: {}, pages: 0 };
  const scripts = site.config.save ? [FILES.saveClient] : [];
  for (const f of site.files) {
    const precached = site.precached.has(f.rel);
    if (site.app) {
      const { digest, size } = hashFile(f.abs);
      const hashed = f.rel.replace(/(\.[^./]+)?$/, (ext) => `.${digest.toString('hex').slice(0, 8)}${ext}`);
      plan.assets[f.rel] = hashed;
      // The build named it after its bytes: its URL is its identity.
      if (precached) plan.entries.push({ entry: [site.base + urlOf(hashed)], size, body: () => readFileSync(f.abs) });
      plan.files.push({ path: f.rel, source: f }, { path: hashed, source: f });
    } else if (isHtml(f.rel) && site.config.inject) {
      const content = injectRegistrationBytes(readFileSync(f.abs), depthOf(f.rel), scripts);
      if (precached) plan.entries.push(entry(urlOf(f.rel), content, () => content));
      plan.files.push({ path: f.rel, source: f, content });
      plan.pages++;
    } else {
      if (precached) plan.entries.push(fileEntry(urlOf(f.rel), f));
      plan.files.push({ path: f.rel, source: f });
    }
  }
  return plan;
}

/**
 * Adds the files Shellac makes beside the site's: the offline page when the site has none (in the
 * look of its root index, or of its first page), `shellac.js` and `shellac-clear.js`, and in app
 * mode `shellac-shell.js` and `shellac-assets.json`. Returns `shellac.js`, whose size the summary
 * reports.
 */
export function planGeneratedFiles(site: CheckedSite, plan: FilesPlan): Buffer {
  const add = (path: string, content: string | Buffer, url = path) => {
    plan.entries.push(entry(url, content, () => content));
    plan.files.push({ path, content });
  };
  if (!site.offlineFile && !site.app) {
    const source = site.files.find((f) => f.rel === 'index.html') ?? site.files.find((f) => isHtml(f.rel))!; // the plan refuses a site without pages
    const page = offlinePage(readFileSync(source.abs, 'utf8'), depthOf(source.rel));
    const path = site.config.offlinePage;
    add(path, site.config.inject ? injectRegistration(page, depthOf(path)) : page, urlOf(path));
  }
  const clientPath = fileURLToPath(import.meta.resolve('@shellac/client/browser'));
  const client = readFileSync(clientPath);
  // Beside sw.js: served at the scope root, also in app mode.
  add(FILES.client, client);
  // Not precached: a page loads it only when no worker cleared, and an entry would cost every
  // update's sw.js its bytes. Offline, the one case it misses (a worker that answered an error)
  // rejects with the failed load.
  plan.files.push({ path: FILES.clearClient, content: readFileSync(join(dirname(clientPath), FILES.clearClient)) });
  if (site.config.save) add(FILES.saveClient, readFileSync(join(dirname(clientPath), FILES.saveClient)));
  if (site.app) {
    add(FILES.shellClient, readFileSync(join(dirname(clientPath), FILES.shellClient)));
    plan.files.push({ path: FILES.assets, content: JSON.stringify({ base: site.base, files: plan.assets }) });
  }
  return client;
}
