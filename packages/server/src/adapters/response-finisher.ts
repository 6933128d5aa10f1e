// The node:http and Express side of finishing: the same headers as every platform
// (`finishHeaders`), decided when Node starts the response.
//
// Why a prototype and not per-response wrappers: assigning `res.writeHead = function …` on every
// response gives each one its own property and its own closure, and V8 then runs Node's and the
// framework's code on those responses through slower, polymorphic paths. Measured with callgrind
// on Express 5 (a ~5 KB page), that cost about 150,000 instructions a request, some 17% of
// the whole request. The finishing methods therefore live once on a prototype.
//
// Why a response's state sits in a WeakMap and not on the response: any property added to a Node
// response (or request) makes V8 grow that object's property store, and then Node's own writes
// to it cost more: 1.6 KB more allocated a request for one property set by a bare middleware.
// With the state under a symbol and `req.shellac` set on each request, Express's adapter
// allocated 5.3 KB a request more than a no-op middleware; 2.0 KB with the WeakMap and a
// `req.shellac` getter (server-throughput's heap figure; express-heap.test.ts keeps it).
import type { ServerResponse } from 'node:http';
import { finishHeaders, setTitle, type HeaderAccess } from '../finish-headers.js';
import { scanTitle } from '../scan-title.js';
import { payloadHead } from './payload-title.js';
import type { ShellacView } from '../shellac-view.js';
import { createHold, type Callback, type Hold } from './response-hold.js';

type Method = (this: ServerResponse, ...args: unknown[]) => unknown;

/** One response's finishing: its request's view, and the held head of a content-only page. */
interface Finishing {
  view: ShellacView;
  decided: boolean;
  hold: Hold | undefined;
}

/** The responses being finished, each with its state. */
type Finishings = WeakMap<ServerResponse, Finishing>;

/** Puts `writeHead`'s optional headers argument (object or list) on the response, so they can be read. */
function absorb(res: ServerResponse, headers: unknown): void {
  if (Array.isArray(headers)) {
    const flat: unknown[] = Array.isArray(headers[0]) ? headers.flat() : headers;
    for (let i = 0; i + 1 < flat.length; i += 2) res.appendHeader(String(flat[i]), flat[i + 1] as string); // Node's own list form: values are strings
  } else if (headers && typeof headers === 'object') {
    for (const [name, value] of Object.entries(headers)) if (value !== undefined) res.setHeader(name, value as string); // an OutgoingHttpHeaders value
  }
}

/** Node's header methods under the names `finishHeaders` uses. */
class NodeHeaders implements HeaderAccess {
  constructor(private readonly res: ServerResponse) {}
  get(name: string): unknown {
    return this.res.getHeader(name);
  }
  set(name: string, value: string): void {
    this.res.setHeader(name, value);
  }
  has(name: string): boolean {
    return this.res.hasHeader(name);
  }
}

/** Decides the headers; true when the title must still be read from the body. */
function decide(res: ServerResponse, finishing: Finishing): boolean {
  finishing.decided = true;
  return finishHeaders(new NodeHeaders(res), finishing.view.state);
}

/** The finishing methods over `base`'s, on a prototype of their own (made once per base). */
function finishingMethods(base: ServerResponse, finishings: Finishings): PropertyDescriptorMap {
  const { writeHead, write, end } = base as unknown as Record<'writeHead' | 'write' | 'end', Method>; // the three methods every ServerResponse prototype has
  // Sends what was held, with the title found in it (or none), then gets out of the way.
  const release = (res: ServerResponse, finishing: Finishing, ending: boolean): void => {
    const { body, done } = finishing.hold!;
    finishing.hold = undefined;
    const bytes = body();
    setTitle(new NodeHeaders(res), scanTitle(bytes.toString('utf8')));
    (ending ? end : write).call(res, bytes, done as Callback);
  };
  const method = (value: Method): PropertyDescriptor => ({ value, writable: true, configurable: true });
  return {
    writeHead: method(function shellacWriteHead(this: ServerResponse, status: unknown, ...rest: unknown[]) {
      const finishing = finishings.get(this);
      if (!finishing || finishing.decided) return writeHead.call(this, status, ...rest);
      this.statusCode = status as number; // Node's own writeHead checks it below
      if (typeof rest[0] === 'string') this.statusMessage = rest.shift() as string; // the reason phrase, by the typeof
      absorb(this, rest[0]);
      if (decide(this, finishing)) finishing.hold = createHold();
      // Holding: Node's implicit writeHead at release (with these headers, now on `res`) sends them.
      return finishing.hold ? this : writeHead.call(this, this.statusCode);
    }),
    write: method(function shellacWrite(this: ServerResponse, chunk: unknown, encoding?: unknown, cb?: unknown) {
      const finishing = finishings.get(this);
      if (finishing && !finishing.decided && !this.headersSent && decide(this, finishing)) finishing.hold = createHold();
      const hold = finishing?.hold;
      if (!hold) return write.call(this, chunk, encoding, cb);
      hold.add(chunk, encoding, typeof encoding === 'function' ? encoding : cb);
      if (hold.enough()) release(this, finishing, false);
      return true;
    }),
    end: method(function shellacEnd(this: ServerResponse, chunk?: unknown, encoding?: unknown, cb?: unknown) {
      const finishing = finishings.get(this);
      // The whole body in one call (res.send, res.render, res.end(html)): its title is read from
      // it as it is. Holding it copied a 4 KB page three times (bytes, joined, text again): about
      // 20 µs a response, against 1 µs for reading the string.
      if (finishing && !finishing.decided && !this.headersSent && decide(this, finishing)) setTitle(new NodeHeaders(this), scanTitle(payloadHead(chunk, encoding)));
      const hold = finishing?.hold;
      if (!hold) return end.call(this, chunk, encoding, cb);
      hold.add(chunk, encoding, [chunk, encoding, cb].find((a) => typeof a === 'function'));
      release(this, finishing, true);
      return this;
    }),
  };
}

/**
 * Marks a prototype whose methods finish, so a response is never given a second one; its value is
 * the store those methods read (a second finisher on the same response keeps to it).
 */
const FINISHES = Symbol('shellac.finishes');

type MarkedResponse = ServerResponse & { [FINISHES]?: Finishings };

/** Gives Node responses finishing methods and starts finishing them; one per adapter. */
export interface ResponseFinisher {
  /**
   * Finishes `res` by its view's state, whatever writes it (`res.end(html)`, a template
   * streaming `res.write`, `res.send`). Node calls `writeHead` itself before the first write, so
   * finishing there sees every response exactly when its headers are still open; that is when
   * they are decided, and so when the person is named (`view.user()` / `loggedOut()` count only
   * before it). For a content-only page without a known title, the head (up to 64 KiB) is held
   * back until its `</title>` is seen; every other response passes straight through.
   *
   * `where` says which prototype gets the methods: `response` puts a finishing prototype under
   * this response alone (node:http); `chain` puts one once under the response's own prototype
   * (Express's per-application `app.response`), so that a mounted sub-application, which
   * re-parents `res` to its own prototype that inherits from the parent's, keeps it.
   */
  finish(res: ServerResponse, view: ShellacView, where: 'response' | 'chain'): void;
  /** The view `res` is being finished by (undefined before `finish`). */
  viewOf(res: ServerResponse): ShellacView | undefined;
}

/** A finisher with its own store of prototypes and of responses (nothing shared between adapters). */
export function createResponseFinisher(): ResponseFinisher {
  const made = new WeakMap<object, object>();
  const finishings: Finishings = new WeakMap();
  const over = (base: object): object => {
    let proto = made.get(base);
    if (!proto) {
      proto = Object.create(base, { ...finishingMethods(base as ServerResponse, finishings), [FINISHES]: { value: finishings } }) as object; // base is a ServerResponse prototype
      made.set(base, proto);
    }
    return proto;
  };
  return {
    finish(res, view, where) {
      // Read through the prototype chain: the store of whichever finisher gave it its methods.
      let store = (res as MarkedResponse)[FINISHES];
      if (!store) {
        const own = Object.getPrototypeOf(res) as object;
        if (where === 'response') Object.setPrototypeOf(res, over(own));
        else Object.setPrototypeOf(own, over(Object.getPrototypeOf(own) as object));
        store = finishings;
      }
      store.set(res, { view, decided: false, hold: undefined });
    },
    viewOf: (res) => (res as MarkedResponse)[FINISHES]?.get(res)?.view,
  };
}
