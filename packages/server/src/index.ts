export { createShellacServer } from './create-shellac-server.js';
export type { ShellacServer, ShellacServerOptions, ShellacView, ShellRenderer } from './create-shellac-server.js';
export type { ContentPage } from './content-document.js';
export type { ShellResult } from './shell-response.js';
export { ShellacServerError } from './errors.js';
export type { ServerErrorCode } from './errors.js';
export { contentTypeFor, etagMatches } from './serve-file.js';
