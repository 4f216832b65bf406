// The head script's file loader (src/core/assets.ts), shared with the parts it loads: the
// first layer and the whole UI fetch their locale files through it, so neither carries a
// loader of its own (~300 B brotli each) and every file comes from the one folder, with the
// head script's nonce. A symbol key on window: not an API, and no page global to collide with.

/** Load a file beside the head script once; rejects after one console error naming it. */
export type LoadFile = (file: string) => Promise<void>;

const KEY: unique symbol = Symbol.for('consentry.loadFile');

declare global {
  interface Window {
    [KEY]?: LoadFile;
  }
}

/** Share the head script's loader (the first copy of the head script only). */
export const shareLoader = (load: LoadFile): void => void (window[KEY] = load);

/** The head script's loader, or a rejection naming what is missing. */
export const loadFile: LoadFile = (file) =>
  window[KEY]?.(file) ?? Promise.reject(new Error(`consentry: cannot load ${file}: the head script is missing`));
