import { warn } from './store.js';

type Listener<T> = (detail: T) => void;

/**
 * A minimal typed event emitter. A listener that throws is logged and skipped, so one
 * broken subscriber on the host page cannot stop consent from being applied.
 */
export class Emitter<Events> {
  private _listeners: { [K in keyof Events]?: Set<Listener<Events[K]>> } = {};

  /** Subscribe; returns the unsubscribe function. */
  on<K extends keyof Events>(event: K, fn: Listener<Events[K]>): () => void {
    (this._listeners[event] ??= new Set()).add(fn);
    return () => void this._listeners[event]?.delete(fn);
  }

  /** Call every listener of `event` with `detail`. */
  emit<K extends keyof Events>(event: K, detail: Events[K]): void {
    for (const fn of [...(this._listeners[event] ?? [])]) {
      try {
        fn(detail);
      } catch (error) {
        warn(`a "${String(event)}" listener threw`, error);
      }
    }
  }
}
