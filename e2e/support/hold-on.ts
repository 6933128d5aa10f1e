import type { FrontServer } from './front-server.js';

/** Lets a request through only when the test says so (`release`). */
export function holdOn(server: FrontServer, prefix: string) {
  let release!: () => void;
  const held = new Promise<void>((r) => (release = r));
  let on = true;
  server.hold = (path) => (on && path.startsWith(prefix) ? held : undefined);
  return () => ((on = false), release());
}
