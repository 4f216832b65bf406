// Rate limits per client address and overall, in fixed one-minute windows held in memory only
// (no address is ever written to disk). A browser sends one receipt per decision, so a
// generous per-address limit never touches people, only scripts flooding the log.

/** The answer for one request: allowed, or refused with the seconds until the window ends. */
export type RateDecision = { ok: true } | { ok: false; retryAfter: number };

const WINDOW = 60_000;

/**
 * `perAddress` and `global` are receipts per minute; 0 turns a limit off.
 * Returns `take(address, now)` that counts one request.
 */
export const rateLimiter = (perAddress: number, global: number) => {
  let windowStart = 0;
  let total = 0;
  let counts = new Map<string, number>();
  return (address: string, now = Date.now()): RateDecision => {
    if (now - windowStart >= WINDOW) {
      windowStart = now - (now % WINDOW);
      total = 0;
      counts = new Map(); // forget last minute's addresses
    }
    const retryAfter = Math.max(1, Math.ceil((windowStart + WINDOW - now) / 1000));
    if (global && total >= global) return { ok: false, retryAfter };
    if (perAddress) {
      const used = counts.get(address) ?? 0;
      if (used >= perAddress) return { ok: false, retryAfter };
      counts.set(address, used + 1);
    }
    total++;
    return { ok: true };
  };
};

/**
 * The client's address: the socket's peer, unless that peer is a trusted proxy; then the
 * right-most X-Forwarded-For entry that is not itself a trusted proxy (the left ones are
 * whatever the client claimed).
 */
export const clientAddress = (
  peer: string,
  forwardedFor: string | undefined,
  trustedProxies: ReadonlySet<string>,
): string => {
  const normal = (a: string) => a.trim().replace(/^::ffff:/, '');
  let address = normal(peer);
  if (!forwardedFor || !trustedProxies.has(address)) return address;
  for (const hop of forwardedFor.split(',').reverse()) {
    address = normal(hop);
    if (!trustedProxies.has(address)) break;
  }
  return address;
};
