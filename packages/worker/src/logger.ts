/**
 * The debug channel: off by default, switchable at run time (config `debug`, or the page's
 * `shellac.debug(true)`), so a production worker can be read without a rebuild.
 */
export interface Logger {
  on: boolean;
  log(message: string): void;
}

export function createLogger(on = false): Logger {
  return {
    on,
    log(message) {
      if (this.on) console.log(`%cshellac%c ${message}`, 'color:#2e5e4e;font-weight:bold', '');
    },
  };
}
