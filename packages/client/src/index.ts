export { register } from './register.js';
export type { RegisterOptions, ShellacClient, ShellacEvents } from './register.js';
export { ShellacClientError } from './errors.js';
export type { ClientErrorCode } from './errors.js';
export { createShellLoader } from './shell-loader.js';
export type { ShellLoader, ShellLoaderOptions } from './shell-loader.js';
export { guardUnsavedInput, hasUnsavedInput } from './guard-unsaved-input.js';
