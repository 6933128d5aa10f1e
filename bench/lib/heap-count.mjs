// Counting the heap bytes this process allocates, garbage included: V8's sampling heap profiler,
// told to keep what the young and old collections freed, takes a sample every 128 B allocated on
// average, so the sum of the samples estimates every byte allocated between start and stop.
// Unlike requests per second, it does not move with the machine's load (the same server in two
// runs: within 0.6 %). Used by server-child.mjs and by the server package's heap budget test.
import { Session } from 'node:inspector/promises';

/** Starts counting; resolves `stop()`, which resolves the bytes allocated since. */
export async function countHeap() {
  const session = new Session();
  session.connect();
  await session.post('HeapProfiler.startSampling', { samplingInterval: 128, includeObjectsCollectedByMajorGC: true, includeObjectsCollectedByMinorGC: true });
  return async function stop() {
    const { profile } = await session.post('HeapProfiler.stopSampling');
    session.disconnect();
    let bytes = 0;
    const add = (node) => {
      bytes += node.selfSize;
      node.children.forEach(add);
    };
    add(profile.head);
    return bytes;
  };
}
