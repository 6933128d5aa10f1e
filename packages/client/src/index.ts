export { register } from './register.js';
export type { RegisterOptions, ShellacClient, ShellacEvents } from './register.js';
export { ShellacClientError } from './errors.js';
export type { ClientErrorCode } from './errors.js';
