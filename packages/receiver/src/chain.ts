// Tamper evidence: every stored row carries a SHA-256 over the previous row's hash, its own
// position, arrival time, expiry and the hash of its body. Editing, deleting or reordering a
// row breaks the chain from that row on (see verify.ts). Purging keeps the row's hashes and
// drops its body, so the chain still verifies after retention deletes the personal data.
import { createHash } from 'node:crypto';

/** The `prev` of the first row. */
export const GENESIS = '0'.repeat(64);

/** Hex SHA-256 of a UTF-8 string. */
export const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

/** The fields of a row the chain covers. */
export interface ChainLink {
  seq: number;
  received: number;
  exp: number;
  bodyHash: string;
}

/** The hash of a row given the hash of the row before it. */
export const chainHash = (prev: string, { seq, received, exp, bodyHash }: ChainLink): string =>
  sha256(`${prev}\n${seq}\n${received}\n${exp}\n${bodyHash}`);
