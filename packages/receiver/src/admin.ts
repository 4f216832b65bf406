// The admin token: `Authorization: Bearer <token>`, compared in constant time (hashing both
// sides first makes the comparison independent of length too).
import { createHash, timingSafeEqual } from 'node:crypto';

const digest = (text: string) => createHash('sha256').update(text).digest();

/** A checker for `Authorization` header values; always false when no token is configured. */
export const adminCheck = (token: string | undefined) => {
  const expected = token ? digest(token) : null;
  return (authorization: string | undefined): boolean => {
    const given = /^Bearer (.+)$/.exec(authorization ?? '')?.[1];
    return expected != null && given != null && timingSafeEqual(digest(given), expected);
  };
};

/** Shortest admin token accepted: guessing stays hopeless even without the throttle. */
export const MIN_ADMIN_TOKEN = 16;

const WINDOW = 60_000;

/** Counts wrong tokens per address in one-minute windows; `blocked` gives the seconds left once over `limit`. */
export const failureThrottle = (limit: number) => {
  let windowStart = 0;
  let failures = new Map<string, number>();
  const tick = (now: number) => {
    if (now - windowStart < WINDOW) return;
    windowStart = now - (now % WINDOW);
    failures = new Map(); // addresses are forgotten every minute
  };
  return {
    blocked(address: string, now = Date.now()): number {
      tick(now);
      return (failures.get(address) ?? 0) >= limit ? Math.max(1, Math.ceil((windowStart + WINDOW - now) / 1000)) : 0;
    },
    fail(address: string, now = Date.now()): void {
      tick(now);
      failures.set(address, (failures.get(address) ?? 0) + 1);
    },
  };
};
