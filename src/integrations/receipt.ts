import type { Integration } from '../core/integration.js';
import type { ConsentApi, ConsentReceipt, ConsentRecord } from '../core/types.js';
import { VERSION } from '../core/version.js';

/** A receipt waiting in the retry queue. */
export interface QueuedReceipt {
  /** The receipt; `hash` is filled in by the sender (receipt-sender.ts) before the first attempt. */
  p: Omit<ConsentReceipt, 'hash'> & { hash?: string };
  /** Failed attempts so far. */
  n: number;
  /** Not before this time (ms). */
  t: number;
}

/** localStorage key of the retry queue. */
export const RECEIPT_QUEUE = 'consentry:receipts';
/** At most this many receipts wait for retry; the oldest are dropped first. */
export const RECEIPT_QUEUE_MAX = 20;

/** The receipt of a decision made on this page (without the hash, which the sender adds). */
export const receiptOf = ({ id, rev, ts, exp, c, m }: ConsentRecord, gpc: boolean): QueuedReceipt['p'] => ({
  v: VERSION,
  id,
  rev,
  ts,
  exp,
  choices: { ...c },
  method: m,
  url: location.origin + location.pathname,
  gpc,
});

/** The queued receipts. Storage missing, blocked or garbage: an empty queue. */
export const loadQueue = (): QueuedReceipt[] => {
  try {
    const queue: unknown = JSON.parse(localStorage.getItem(RECEIPT_QUEUE) || '[]');
    // Keep only entries this code wrote: anything else in the key is ignored, never sent.
    return Array.isArray(queue)
      ? queue.filter((q: Partial<QueuedReceipt> | null) => typeof q?.p?.id == 'string' && q.n! >= 0)
      : [];
  } catch {
    return [];
  }
};

/** Store the queue, keeping the newest {@link RECEIPT_QUEUE_MAX}. */
export const saveQueue = (queue: QueuedReceipt[]): void => {
  try {
    localStorage.setItem(RECEIPT_QUEUE, JSON.stringify(queue.slice(-RECEIPT_QUEUE_MAX)));
  } catch (error) {
    console.warn('consentry: cannot queue receipts for retry', error); // once per save, which is once per decision
  }
};

/**
 * Proof of consent, the part in the head script: every decision is queued in localStorage at
 * once, in the task that made it (so a reload right after, as on withdrawal, cannot lose it).
 * Sending — hashing the config, POSTing, retrying with backoff — is receipt-sender.ts, which
 * `loadSender` fetches (docs/guide/install.md "What loads when") only when there is something to send: on the first
 * decision, or at once when earlier receipts still wait in the queue.
 * Returns the function to call with each new record and whether GPC is on.
 */
export const startReceipts = (loadSender: () => Promise<unknown>): ((record: ConsentRecord, gpc: boolean) => void) => {
  let sender: Promise<unknown> | undefined;
  // A missing sender file was already reported by loadScript; the queue keeps the receipts.
  const send = () => void (sender ??= loadSender().catch(() => {}));
  if (loadQueue()[0]) send();
  return (record, gpc) => {
    saveQueue([...loadQueue(), { p: receiptOf(record, gpc), n: 0, t: 0 }]);
    send();
  };
};

/**
 * Proof of consent as an engine integration, on when `config.receipt` is set: each stored
 * decision is queued and sent. `loadSender` starts receipt-sender.ts for the API however the
 * entry ships it (docs/guide/install.md "What loads when"): a file beside the head script, a lazy `import()` chunk,
 * or inside the one-file bundle.
 */
export const receipts = (loadSender: (api: ConsentApi) => Promise<unknown>): Integration => ({
  _start: (api) => {
    if (!api.config.receipt) return;
    const send = startReceipts(() => loadSender(api));
    return { _afterStore: (record) => record && send(record, !!api.state().gpcRefused[0]) };
  },
});
