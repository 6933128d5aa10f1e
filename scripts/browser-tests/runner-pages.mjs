// The two pages the runner opens: one runs a page test file in itself, the other registers a
// worker test file as a service worker and tells it to run.

/** The message the worker runner page posts to the test worker once it is active. */
export const RUN_MESSAGE = 'shellac-unit:run';

// No favicon request: it would show in the tests' request log.
const HEAD = '<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,">';

/** Runs `/__unit/files/<id>.js` in the page, after the body is parsed (tests may use it at once). */
export function pageRunner(id) {
  return `${HEAD}<title>browser tests</title><script defer src="/__unit/files/${id}.js"></script></head><body></body></html>`;
}

/**
 * Registers `/__unit/files/<id>.js` as a service worker for the whole origin (the script is
 * served with Service-Worker-Allowed: /), waits until it is active, then asks it to run.
 */
export function workerRunner(id) {
  return `${HEAD}<title>browser tests (service worker)</title></head><body><script type="module">
const report = (event) => fetch('/__unit/report', { method: 'POST', body: JSON.stringify(event) });
try {
  const reg = await navigator.serviceWorker.register('/__unit/files/${id}.js', { scope: '/' });
  const worker = reg.installing ?? reg.waiting ?? reg.active;
  await new Promise((resolve, reject) => {
    const check = () => {
      if (worker.state === 'activated') resolve();
      if (worker.state === 'redundant') reject(new Error('it became redundant: its install or activate handler failed'));
    };
    worker.addEventListener('statechange', check);
    check();
  });
  worker.postMessage({ type: ${JSON.stringify(RUN_MESSAGE)} });
} catch (error) {
  await report({ type: 'fatal', message: 'the test worker did not start: ' + error });
}
</script></body></html>`;
}
