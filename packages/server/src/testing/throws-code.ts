// Test support: asserts that a call throws the ShellacServerError of a given code.
import assert from 'node:assert/strict';
import { ShellacServerError } from '../index.js';

export const throwsCode = (fn: () => unknown, code: string) =>
  assert.throws(fn, (e: unknown) => e instanceof ShellacServerError && e.code === code);
