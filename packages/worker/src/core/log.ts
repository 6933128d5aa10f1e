/** A line for the debug channel: a function is called only while the channel is on. */
export type Log = (message: string | (() => string)) => void;
