// What a receipt is, as the SDK sends it (ConsentReceipt, with the id, key, method and hash
// formats of consentry/shared): exactly these fields, nothing else. Anything more (an IP, a
// user agent, a fingerprint) is refused rather than stored: EDPB 05/2020 §108, keep no more
// than needed.
import type { ConsentReceipt } from 'consentry';
import { CONFIG_HASH_PATTERN, CONSENT_METHODS, ID_PATTERN, isReservedName, SERVICE_ID_PATTERN } from 'consentry/shared';
import { z } from 'zod';

/** Largest accepted request body in bytes; a real receipt is a few hundred. */
export const MAX_RECEIPT_BYTES = 8192;

/** What CONFIG_HASH_PATTERN accepts, in an error message. */
export const CONFIG_HASH_EXPECTED = 'expected "sha256:<64 hex>" or "fnv1a:<8 hex>"';

const count = z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER);

/** The receipt schema; strict, so unknown fields are an error that names them. */
export const receiptSchema = z
  .strictObject({
    v: z.string().min(1).max(20),
    id: z.string().regex(ID_PATTERN, 'expected 8-64 letters, digits, "-" or "_"'),
    rev: count,
    ts: count,
    exp: count,
    // Category keys and service ids share one namespace; SERVICE_ID_PATTERN covers both.
    choices: z
      .record(
        z
          .string()
          .regex(SERVICE_ID_PATTERN, 'expected a category key or service id')
          .refine((key) => !isReservedName(key), 'not a name every object has'),
        z.boolean(),
      )
      .refine((c) => Object.keys(c).length <= 200, 'at most 200 choices'),
    method: z.enum(CONSENT_METHODS),
    url: z
      .string()
      .max(2048)
      .regex(/^https?:\/\/[^\s?#]+$/, 'expected origin + path, no query or fragment'),
    hash: z.string().regex(CONFIG_HASH_PATTERN, CONFIG_HASH_EXPECTED),
    gpc: z.boolean(),
  })
  .refine((r) => r.exp > r.ts, { path: ['exp'], message: 'must be after ts' });

/** A receipt that passed validation. */
export type Receipt = ConsentReceipt;

/** The first problem with a zod result, as `field "choices.analytics": expected boolean`. */
export const describeIssue = (error: z.ZodError): string => {
  const issue = error.issues[0]!;
  const keys = issue.code == 'unrecognized_keys' ? issue.keys : [];
  const path = [...issue.path, ...keys.slice(0, 1)].map(String).join('.') || 'body';
  return `field "${path.slice(0, 80)}": ${keys.length ? 'unknown field' : issue.message}`;
};

/**
 * The stored form of a receipt: fixed key order and sorted choices, so that an exact
 * duplicate is byte-identical and a 409 compares bodies, not parse trees.
 */
export const canonicalReceipt = (r: Receipt): string =>
  JSON.stringify({
    v: r.v,
    id: r.id,
    rev: r.rev,
    ts: r.ts,
    exp: r.exp,
    choices: Object.fromEntries(Object.entries(r.choices).sort(([a], [b]) => (a < b ? -1 : 1))),
    method: r.method,
    url: r.url,
    hash: r.hash,
    gpc: r.gpc,
  });

/** Parse and validate a JSON body: the receipt and its stored form, or the problem naming the field. */
export const parseReceipt = (text: string): { receipt: Receipt; body: string } | { problem: string } => {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { problem: 'field "body": not JSON' };
  }
  const result = receiptSchema.safeParse(data);
  if (!result.success) return { problem: describeIssue(result.error) };
  return { receipt: result.data as Receipt, body: canonicalReceipt(result.data as Receipt) };
};
