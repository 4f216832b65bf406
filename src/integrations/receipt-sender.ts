import type { ConsentApi } from '../core/types.js';
import { VERSION } from '../core/version.js';
import { fnv1a } from '../core/formats.js';
import { loadQueue, receiptOf, saveQueue, type QueuedReceipt } from './receipt.js';

export { fnv1a };

/** `sha256:<hex>` of `text` where crypto.subtle exists (secure contexts), else FNV-1a. */
const hashOf = (text: string): Promise<string> =>
  crypto.subtle
    ? crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)).then(
        (d) => `sha256:${Array.from(new Uint8Array(d), (b) => b.toString(16).padStart(2, '0')).join('')}`,
        () => fnv1a(text),
      )
    : Promise.resolve(fnv1a(text));

/**
 * Send the queued receipts of `api.config.receipt` (loaded on demand by the head script's
 * receipt.ts): each is POSTed as JSON with `keepalive`; a 2xx removes it, a failure stays
 * queued and is retried on later page loads with backoff (0 s, 3 s, 15 s, …, at most daily).
 * Runs now and after every change. Delivery is at least once: receivers dedupe on `id` + `ts`.
 * A receipt queued by a page that reloaded before this file arrived gets the hash of the
 * configuration of the page that sends it (the same one, unless the site changed it between).
 */
export const startReceiptSender = (api: ConsentApi): void => {
  const options = api.config.receipt;
  if (!options) return;
  const hash = hashOf(VERSION + JSON.stringify(api.config));
  /** Receipts being posted now, by `id ts`: a drain while one is in flight does not post it twice. */
  const inFlight = new Set<string>();
  const send = (p: Required<QueuedReceipt['p']>): Promise<void> =>
    fetch(options.endpoint, {
      method: 'POST',
      keepalive: true,
      headers: { 'content-type': 'application/json', ...options.headers },
      body: JSON.stringify(p),
    })
      // Done when stored, or refused for good: a 4xx (400 malformed, 403 origin, 409 clash, 413
      // too big) fails the same way on every retry. Network errors, 5xx, 408 and 429 are retried.
      .then(
        ({ ok, status: s }) =>
          ok || (s < 500 && s != 408 && s != 429 && (console.warn(`consentry: receipt refused: ${s}`), true)),
        () => false,
      )
      .then((done) => {
        inFlight.delete(key(p));
        saveQueue(
          loadQueue().flatMap((q) =>
            q.p.id != p.id || q.p.ts != p.ts
              ? [q]
              : done
                ? []
                : [{ p, n: q.n + 1, t: Date.now() + Math.min(864e5, 1e3 * (4 ** q.n - 1)) }],
          ),
        );
      });
  /** Receipts this page has posted, by `id ts`. */
  const posted = new Set<string>();
  const key = (p: { id: string; ts: number }) => `${p.id} ${p.ts}`;
  const drain = () =>
    void hash.then((h) => {
      const queue = loadQueue();
      const due = queue.filter((q) => q.t <= Date.now() && !inFlight.has(key(q.p)));
      // Where localStorage throws (or is full) the decision made on this page never reached
      // the queue: post it from memory, once, without retry.
      const record = api.get();
      if (
        record &&
        record.ts >= performance.timeOrigin &&
        !posted.has(key(record)) &&
        !queue.some((q) => key(q.p) == key(record))
      )
        due.push({ p: receiptOf(record, !!api.state().gpcRefused[0]), n: 0, t: 0 });
      for (const q of due) q.p.hash ??= h;
      if (due[0]) saveQueue(queue); // the hash is part of the receipt from now on
      for (const q of due) {
        inFlight.add(key(q.p));
        posted.add(key(q.p));
        void send(q.p as Required<QueuedReceipt['p']>);
      }
    });
  drain();
  api.on('change', drain);
};
