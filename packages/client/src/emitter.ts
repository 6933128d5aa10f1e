/** Listeners by event type: what `on` adds, `emit` calls in the order they were added. */
export interface Emitter<E> {
  /** Adds a listener; returns the function that removes it. */
  on<K extends keyof E>(type: K, listener: (event: E[K]) => void): () => void;
  emit<K extends keyof E>(type: K, event: E[K]): void;
}

/** A small typed event emitter (listeners are called synchronously; one that throws does not stop the others). */
export function createEmitter<E>(): Emitter<E> {
  const listeners = new Map<keyof E, Set<(event: never) => void>>();
  return {
    on(type, listener) {
      const set = listeners.get(type) ?? new Set();
      listeners.set(type, set.add(listener));
      return () => void set.delete(listener);
    },
    emit(type, event) {
      for (const listener of listeners.get(type) ?? []) {
        try {
          (listener as (event: E[typeof type]) => void)(event); // the set under `type` holds listeners of E[type]
        } catch (error) {
          reportError(error);
        }
      }
    },
  };
}
