import { MESSAGE } from '@shellac/protocol';
import type { MetaStore } from './meta-store.js';
import type { Log } from './log.js';
import type { Unit } from './unit.js';

/**
 * The debug channel: off by default, switchable at run time (config `debug`, or the page's
 * `shellac.debug(true)`), so a production worker can be read without a rebuild.
 */
export interface Logger {
  readonly on: boolean;
  log: Log;
  /** The lines printed lately (while on), oldest first. */
  recent(): string[];
  /** Forgets the recent lines (they name the previous person's pages once another signs in). */
  forget(): void;
  /** Switches the channel and remembers it across worker restarts. */
  set(on: boolean): Promise<void>;
  /** The debug message, and the flag read back at start. */
  readonly unit: Unit;
}

export interface LoggerOptions {
  /** On from the start (config `debug`). */
  on?: boolean;
  /** Where the flag set from a page is kept, so it survives the browser stopping an idle worker. */
  meta?: MetaStore;
  /** How many recent lines to keep for the state page. Default 100. */
  keep?: number;
}

const KEY = 'debug';

/**
 * Lines logged before the remembered flag is read back are held, then printed or dropped: a
 * restarted worker's first request would otherwise lose its routing line, and a debug channel
 * that drops lines misleads the person reading it.
 */
export function createLogger(options: LoggerOptions = {}): Logger {
  const { meta } = options;
  const keep = options.keep ?? 100;
  let on = !!options.on;
  let held: (string | (() => string))[] | undefined = meta && !on ? [] : undefined;
  const lines: string[] = [];
  const print = (message: string | (() => string)) => {
    const text = typeof message === 'function' ? message() : message;
    lines.push(text);
    if (lines.length > keep) lines.shift();
    console.log(`%cshellac%c ${text}`, 'color:#2e5e4e;font-weight:bold', '');
  };
  const restored = held && meta!.get<boolean>(KEY).then((saved) => {
    on ||= !!saved;
    if (on) held!.forEach(print);
    held = undefined;
  });
  const logger: Logger = {
    get on() {
      return on;
    },
    log(message) {
      if (held) held.push(message);
      else if (on) print(message);
    },
    recent: () => [...lines],
    forget: () => void lines.splice(0),
    async set(next) {
      await restored;
      on = next;
      await (next ? meta?.put(KEY, true) : meta?.delete(KEY));
    },
    unit: {
      messages: {
        [MESSAGE.debug]: (m) => logger.set(!!m.on),
      },
      // After the flag is read back: lines held until then are printed or dropped by now.
      state: async () => (await restored, { debug: on, log: [...lines] }),
    },
  };
  return logger;
}
