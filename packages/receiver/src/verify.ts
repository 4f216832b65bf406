// Walks the chain from the first row and reports the first row that does not fit: an edited
// body, a deleted row (a gap in seq, or a chain hash that no longer follows), a reordered row
// (the hash covers its position), or a purge before the row's expiry.
import { GENESIS, chainHash, sha256 } from './chain.js';
import type { ChainRow, Store } from './store.js';

/** The result of walking the chain. */
export interface VerifyReport {
  ok: boolean;
  /** Rows checked, purged ones included. */
  rows: number;
  /** Rows whose bodies were purged by retention (hashes kept). */
  purged: number;
  /** The last row's seq and hash: keep a copy elsewhere to detect truncation at the end. */
  head: { seq: number; hash: string };
  /** The first row that does not verify, and why. */
  firstBad?: { seq: number; problem: string };
}

// Small pages, and a turn of the event loop between them: on SQLite the reads and hashing run
// on the server's thread, so a long verify must leave room for the receipts arriving meanwhile.
const PAGE = 500;
const yieldToIntake = () => new Promise<void>((resolve) => setImmediate(resolve));

/** The body's id, ts and exp, or null when it is not a JSON object (replaced). */
const parsed = (body: string): { id?: unknown; ts?: unknown; exp?: unknown } | null => {
  try {
    const value = JSON.parse(body) as unknown;
    return value != null && typeof value == 'object' ? value : null;
  } catch {
    return null;
  }
};

/** What is wrong with `row` given the row before it, or null. */
const problemOf = (row: ChainRow, prevSeq: number, prevHash: string): string | null => {
  if (row.seq != prevSeq + 1)
    return row.seq > prevSeq + 1 ? `rows ${prevSeq + 1}..${row.seq - 1} are missing (deleted)` : 'out of order';
  if (row.body != null) {
    if (typeof row.body != 'string') return 'body is not text (replaced)';
    if (sha256(row.body) != row.bodyHash) return 'body was edited (does not match its hash)';
    const body = parsed(row.body);
    if (!body) return 'body is not a JSON receipt (replaced)';
    if (body.id !== row.id || body.ts !== row.ts || body.exp !== row.exp)
      return 'id, ts or exp column was edited (does not match the body)';
    if (row.purged != null) return 'marked purged but still has its body';
  } else if (row.purged == null || row.purged < row.exp) {
    return 'body removed without a purge after its exp (deleted content)';
  }
  if (chainHash(prevHash, row) != row.hash)
    return 'chain hash does not follow from the previous row (edited, deleted or reordered)';
  return null;
};

/** Verify the whole chain of `store`. */
export const verifyChain = async (store: Store): Promise<VerifyReport> => {
  let prevSeq = 0;
  let prevHash = GENESIS;
  let rows = 0;
  let purged = 0;
  for (;;) {
    const batch = await store.chainRows(prevSeq, PAGE);
    for (const row of batch) {
      const problem = problemOf(row, prevSeq, prevHash);
      if (problem)
        return { ok: false, rows, purged, head: { seq: prevSeq, hash: prevHash }, firstBad: { seq: row.seq, problem } };
      rows++;
      if (row.body == null) purged++;
      prevSeq = row.seq;
      prevHash = row.hash;
    }
    if (batch.length < PAGE) return { ok: true, rows, purged, head: { seq: prevSeq, hash: prevHash } };
    await yieldToIntake();
  }
};
