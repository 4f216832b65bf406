// Shared Playwright fixtures: a per-worker local server (site + third-party tracker),
// reset before each test, and helpers to build pages that load the built bundles.
import { test as base, expect, type Page } from '@playwright/test';
// @ts-expect-error -- plain ESM helper without types
import { startServers } from '../support/servers.mjs';

export interface Servers {
  port: number;
  site: string;
  tracker: string;
  origin(host: string): string;
  log: Array<{ host: string; path: string; query: string; method: string; body: string; time: number }>;
  /** Paths requested from the site origin, in order. */
  siteLog: string[];
  page(path: string, page: string | { body: string; headers?: Record<string, string> }): void;
  thirdParty(path: string, body: string, type?: string): void;
  waitForRequest(match: (entry: Servers['log'][number]) => boolean): Promise<Servers['log'][number]>;
  reset(): void;
  close(): Promise<void>;
}

export const test = base.extend<{ servers: Servers }, { workerServers: Servers }>({
  workerServers: [
    async ({}, use) => {
      const servers: Servers = await startServers();
      await use(servers);
      await servers.close();
    },
    { scope: 'worker' },
  ],
  servers: async ({ workerServers }, use) => {
    workerServers.reset();
    await use(workerServers);
  },
});

export { expect };

/** An HTML page: the config block (none for `config: null`), the gatekeeper first in <head>, then `head` and `body`. */
export const html = ({
  config = {},
  head = '',
  body = '',
  bundle = 'consentry.gatekeeper.js',
  lang = 'en',
}: {
  config?: unknown;
  head?: string;
  body?: string;
  bundle?: string | null;
  lang?: string;
}): string => `<!doctype html>
<html lang="${lang}"><head><meta charset="utf-8"><title>test page</title>
${config === null ? '' : `<script type="application/json" id="consentry-config">${JSON.stringify(config)}</script>`}
${bundle ? `<script src="/dist/${bundle}"></script>` : ''}
${head}
</head><body>${body}</body></html>`;

/** Third-party requests the tracker received, as `host path` strings. */
export const hits = (servers: Servers): string[] => servers.log.map((e) => `${e.host}${e.path}`);

/** Wait until the page's consent API is ready. */
export const ready = (page: Page) => page.waitForFunction(() => !!window.consentry);

declare global {
  interface Window {
    __ran?: string[];
  }
}
