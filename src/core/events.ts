import { warn } from './store.js';

type Listener<T> = (detail: T) => void;

/** A minimal typed event emitter: `on(event, fn)` returns the unsubscribe function. */
export interface Emitter<Events> {
  on<K extends keyof Events>(event: K, fn: Listener<Events[K]>): () => void;
  emit<K extends keyof Events>(event: K, detail: Events[K]): void;
}

/**
 * Create an {@link Emitter}. A listener that throws is logged and skipped, so one broken
 * subscriber on the host page cannot stop consent from being applied.
 */
export const createEmitter = <Events>(): Emitter<Events> => {
  const listeners: { [K in keyof Events]?: Set<Listener<Events[K]>> } = {};
  return {
    on(event, fn) {
      (listeners[event] ??= new Set()).add(fn);
      return () => void listeners[event]!.delete(fn);
    },
    emit(event, detail) {
      for (const fn of [...(listeners[event] ?? [])]) {
        try {
          fn(detail);
        } catch (error) {
          warn(`a "${event as string}" listener threw`, error);
        }
      }
    },
  };
};
