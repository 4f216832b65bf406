// Bounded waits: every request, readiness probe and export page gives up after a deadline
// instead of holding a socket (and memory) while a disk or a database is frozen.

/** `work`, or a rejection naming `what` once `ms` have passed (the work itself is not stopped). */
export const within = <T>(work: Promise<T>, ms: number, what: string): Promise<T> => {
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} took longer than ${ms} ms`)), ms);
  });
  return Promise.race([work, expired]).finally(() => clearTimeout(timer));
};

/** A log line that cannot be split or forged: control characters (CR, LF, NUL, …) escaped. */
export const oneLine = (message: string): string =>
  message.replace(CONTROL, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);

// biome-ignore lint/suspicious/noControlCharactersInRegex: these are exactly what is escaped
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g;
