export interface AssertionErrorOptions {
  message: string;
  actual: unknown;
  expected: unknown;
  operator: string;
  /** False when the test gave its own message. */
  generatedMessage: boolean;
}

/** The error every failed assertion throws, shaped like Node's `assert.AssertionError`. */
export class AssertionError extends Error {
  readonly code = 'ERR_ASSERTION';
  readonly actual: unknown;
  readonly expected: unknown;
  readonly operator: string;
  readonly generatedMessage: boolean;
  constructor(options: AssertionErrorOptions) {
    super(options.message);
    this.name = 'AssertionError';
    this.actual = options.actual;
    this.expected = options.expected;
    this.operator = options.operator;
    this.generatedMessage = options.generatedMessage;
  }
}
