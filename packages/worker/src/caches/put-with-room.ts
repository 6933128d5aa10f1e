import { isQuotaError } from './is-quota-error.js';

/**
 * Stores a response; when the origin's quota is full, asks `free` for `bytes` of room and tries
 * once more. `make` builds the response afresh, since a body can be read only once.
 */
export async function putWithRoom(cache: Cache, key: RequestInfo, make: () => Response, bytes: number, free?: (bytes: number) => Promise<unknown>): Promise<void> {
  try {
    await cache.put(key, make());
  } catch (error) {
    if (!isQuotaError(error) || !free) throw error;
    await free(bytes);
    await cache.put(key, make());
  }
}
