import type { Integration } from '../core/integration.js';
import type { ConsentApi } from '../core/types.js';

// IAB Global Privacy Platform (docs/guide/regions.md "GPP"), the part in the head script: where a
// region of the config lists GPP sections, `window.__gpp` queues calls and the `__gppLocator`
// frame lets other frames find it, until the CMP API (./gpp-api.ts) loads and answers them.

/** Starts the CMP API with the calls and messages the stub queued (./gpp-api.ts `startGppApi`). */
export type StartGpp = (
  api: ConsentApi,
  calls: unknown[][],
  messages: MessageEvent[],
  stubListener: (e: MessageEvent) => void,
) => void;

/** Where the script-tag chunk consentry.gpp.js leaves `startGppApi` for the head script that loaded it. */
export const GPP_KEY = Symbol.for('consentry.gpp');

/** GPP as an engine integration; `load` brings the CMP API however the entry ships it. */
export const gpp = (load: () => Promise<StartGpp | void>): Integration => ({
  _start(api) {
    if (!Object.values(api.config.regions).some((rule) => rule?.gpp?.[0])) return;
    const calls: unknown[][] = [];
    const messages: MessageEvent[] = [];
    const queue = (e: MessageEvent) => messages.push(e);
    const w = window as unknown as Record<string | symbol, unknown>;
    w.__gpp = (...args: unknown[]) => void calls.push(args);
    addEventListener('message', queue);
    const locator = () => {
      const frame = document.createElement('iframe');
      frame.name = '__gppLocator';
      frame.hidden = true;
      document.body.append(frame);
    };
    document.body ? locator() : addEventListener('DOMContentLoaded', locator);
    load().then(
      (start) => (start || (w[GPP_KEY] as StartGpp))(api, calls, messages, queue),
      () => {},
    );
  },
});
