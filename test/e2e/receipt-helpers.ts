// The real receiver (createReceiver from the built @consentry/receiver) for the receipt specs:
// in-process on its own port, SQLite in a temp dir, with direct reads of what it stored.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { createReceiver, openStore } from '@consentry/receiver';

export const ADMIN = 'e2e-admin-token-0123456789abcdef';

export interface Running {
  port: number;
  /** The receipts endpoint on a different origin than the site (CORS is real). */
  endpoint: string;
  /** What the receiver stored, via its admin export, in arrival order. */
  stored(): Promise<Array<Record<string, unknown>>>;
  close(): Promise<void>;
}

/** A temp SQLite file for one test. */
export const dbFile = () => join(mkdtempSync(join(tmpdir(), 'consentry-e2e-receipts-')), 'receipts.db');

/**
 * Start the receiver on `db` for `origin`; `port` to come back on a known port. `store` wraps
 * the opened store (to inject a database outage).
 */
export const startReceiver = async (
  db: string,
  origin: string,
  { port = 0, rateLimit = 0, wrap }: { port?: number; rateLimit?: number; wrap?: (store: any) => any } = {},
): Promise<Running> => {
  const opened = await openStore({ db });
  const receiver = await createReceiver({
    store: wrap ? wrap(opened) : opened,
    allowOrigins: [origin],
    adminToken: ADMIN,
    rateLimit,
    log: () => {},
  });
  const listening: { port: number; url: string } = await receiver.listen(port, '127.0.0.1');
  return {
    port: listening.port,
    endpoint: `http://receipts.example.test:${listening.port}/v1/receipts`,
    stored: async () => {
      const res = await fetch(`${listening.url}/v1/export`, { headers: { authorization: `Bearer ${ADMIN}` } });
      return (await res.text())
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l));
    },
    close: () => receiver.close(),
  };
};

/** The page's receipt retry queue. */
export const queue = (page: Page): Promise<Array<{ n: number; p: { ts: number } }>> =>
  page.evaluate(() => JSON.parse(localStorage.getItem('consentry:receipts') || '[]'));
