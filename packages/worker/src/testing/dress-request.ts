/** What a constructed `Request` cannot have, but a browser's can. */
export interface Dress {
  mode?: RequestMode;
  destination?: RequestDestination;
}

/**
 * `request` as the browser would give it to a fetch event: `new Request()` refuses mode
 * `navigate` and always has destination `''`. The proxy answers those two itself and binds every
 * other member to the real request, and converts to its URL, since `fetch()` and the Cache API
 * read anything that is not a real Request as a URL string (a navigation is a GET, so nothing is lost).
 */
export function dressRequest(request: Request, dress: Dress): Request {
  return new Proxy(request, {
    get(target, key) {
      if (key === 'mode' && dress.mode) return dress.mode;
      if (key === 'destination' && dress.destination) return dress.destination;
      if (key === 'toString' || key === Symbol.toPrimitive) return () => target.url;
      const value: unknown = Reflect.get(target, key, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}
