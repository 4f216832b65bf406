import { warn } from '../core/store.js';
import type { ConsentReceipt, ConsentRecord, ReceiptOptions, ResolvedConfig } from '../core/types.js';
import { VERSION } from '../core/version.js';

interface Queued {
  p: ConsentReceipt;
  /** Failed attempts so far. */
  n: number;
  /** Not before this time (ms). */
  t: number;
}

/** localStorage key of the retry queue. */
export const RECEIPT_QUEUE = 'consentry:receipts';
/** At most this many receipts wait for retry; the oldest are dropped first. */
export const RECEIPT_QUEUE_MAX = 20;

/** FNV-1a, 32 bit: tiny and synchronous, for where crypto.subtle is missing (plain http). */
export const fnv1a = (text: string): string => {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x1000193);
  return `fnv1a:${(h >>> 0).toString(16).padStart(8, '0')}`;
};

const load = (): Queued[] => {
  try {
    const queue: unknown = JSON.parse(localStorage.getItem(RECEIPT_QUEUE) || '[]');
    // Keep only entries this code wrote: anything else in the key is ignored, never sent.
    return Array.isArray(queue) ? queue.filter((q: Partial<Queued> | null) => typeof q?.p?.id == 'string' && q.n! >= 0) : [];
  } catch {
    return []; // storage missing, blocked or garbage: send from memory only
  }
};

const save = (queue: Queued[]): void => {
  try {
    localStorage.setItem(RECEIPT_QUEUE, JSON.stringify(queue.slice(-RECEIPT_QUEUE_MAX)));
  } catch (error) {
    warn('cannot queue receipts for retry', error);
  }
};

/**
 * Proof of consent. Every decision is queued in localStorage first (so a reload right after,
 * as on withdrawal, cannot lose it), then POSTed as JSON with `keepalive`; a 2xx removes it.
 * Failures stay queued and are retried on later page loads with backoff (0 s, 3 s, 15 s, …,
 * at most daily). Delivery is at least once: receivers dedupe on `id` + `ts`.
 * Returns the function to call with each new record and whether GPC is on.
 */
export const startReceipts = (options: ReceiptOptions, config: ResolvedConfig): ((record: ConsentRecord, gpc: boolean) => void) => {
  const text = VERSION + JSON.stringify(config);
  let hash = fnv1a(text);
  crypto.subtle
    ?.digest('SHA-256', new TextEncoder().encode(text))
    .then((d) => (hash = `sha256:${Array.from(new Uint8Array(d), (b) => b.toString(16).padStart(2, '0')).join('')}`))
    .catch(() => {});
  const send = ({ p }: Queued): Promise<void> =>
    fetch(options.endpoint, {
      method: 'POST',
      keepalive: true,
      headers: { 'content-type': 'application/json', ...options.headers },
      body: JSON.stringify(p),
    })
      // Done when stored, or refused for good: a 4xx (400 malformed, 403 origin, 409 clash, 413
      // too big) fails the same way on every retry. Network errors, 5xx, 408 and 429 are retried.
      .then(({ ok, status: s }) => ok || (s < 500 && s != 408 && s != 429 && (warn(`receipt refused: ${s}`), true)), () => false)
      .then((done) =>
        save(load().flatMap((q) => (q.p.id != p.id || q.p.ts != p.ts ? [q] : done ? [] : [{ p, n: q.n + 1, t: Date.now() + Math.min(864e5, 1e3 * (4 ** q.n - 1)) }]))),
      );
  for (const q of load()) if (q.t <= Date.now()) void send(q);
  return ({ id, rev, ts, exp, c, m }, gpc) => {
    const q = { p: { v: VERSION, id, rev, ts, exp, choices: { ...c }, method: m, url: location.origin + location.pathname, hash, gpc }, n: 0, t: 0 };
    save([...load(), q]);
    void send(q);
  };
};
