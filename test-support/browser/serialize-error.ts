import { AssertionError } from './assertion-error.js';
import { inspect } from './inspect.js';

/** An error as the runner prints it: the browser's stack, which the runner maps back to the sources. */
export interface SerializedError {
  name: string;
  message: string;
  stack?: string;
  code?: string;
  /** Lines printed under the message: actual and expected when the test gave its own message, the cause. */
  details?: string;
  /** How many more errors the same test raised (after hooks, stray rejections). */
  more: number;
}

export function serializeError(error: unknown, more: number): SerializedError {
  if (!(error instanceof Error)) return { name: 'Thrown value', message: inspect(error), more };
  const lines: string[] = [];
  if (error instanceof AssertionError && !error.generatedMessage) {
    lines.push(`actual: ${inspect(error.actual)}`, `expected: ${inspect(error.expected)}`, `operator: ${error.operator}`);
  }
  if (error.cause !== undefined) lines.push(`[cause]: ${error.cause instanceof Error ? error.cause.stack ?? String(error.cause) : inspect(error.cause)}`);
  const code = (error as Error & { code?: unknown }).code; // Node-style errors carry a code
  return {
    name: error.name,
    message: error.message,
    ...(error.stack ? { stack: error.stack } : {}),
    ...(typeof code === 'string' ? { code } : {}),
    ...(lines.length ? { details: lines.join('\n') } : {}),
    more,
  };
}
