// Operating other sites' banners with DuckDuckGo's autoconsent (MPL-2.0, used unmodified from
// npm): its content script runs in every frame and asks us, through a binding, for its rules
// and to evaluate snippets. Cosmetic rules stay off: hiding a banner is not consenting.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { BrowserContext, Frame } from 'playwright-core';

const require = createRequire(import.meta.url);

/** opt-out = "Reject all", opt-in = "Accept all". */
export type AutoAction = 'optOut' | 'optIn';

/** What autoconsent did: the CMP it found (rule name) and whether the action succeeded. */
export interface AutoconsentOutcome {
  cmp: string | null;
  done: boolean;
}

interface Message {
  type: string;
  cmp?: string;
  result?: boolean;
  id?: string;
  code?: string;
  state?: { lifecycle?: string };
  mainFrame?: boolean;
}

const load = async () => {
  // The package exports its rules but not its Playwright content script: find it beside them.
  const rulesFile = require.resolve('@duckduckgo/autoconsent/rules/rules.json');
  const script = await readFile(join(dirname(dirname(rulesFile)), 'dist/autoconsent.playwright.js'), 'utf8');
  const rules = JSON.parse(await readFile(rulesFile, 'utf8')) as { autoconsent: unknown[] };
  return { script, rules: JSON.stringify({ autoconsent: rules.autoconsent }) };
};
let assets: ReturnType<typeof load> | undefined;

/**
 * Install autoconsent in every frame of `context`, doing `action` once. The returned promise
 * settles with the outcome when the action has run, when the main frame found no CMP, or
 * after `timeoutMs`. `onPopup` runs when the banner has been found, just before it is operated.
 */
export const installAutoconsent = async (
  context: BrowserContext,
  action: AutoAction,
  timeoutMs: number,
  onPopup: () => void = () => undefined,
): Promise<() => Promise<AutoconsentOutcome>> => {
  const { script, rules } = await (assets ??= load());
  let cmp: string | null = null;
  let settled = false;
  let settle: (o: AutoconsentOutcome) => void = () => undefined;
  const outcome = new Promise<AutoconsentOutcome>((resolve) => {
    settle = (o) => {
      if (!settled) resolve(o);
      settled = true;
    };
  });
  const reply = (frame: Frame, message: string) =>
    frame.evaluate(`autoconsentReceiveMessage(${message})`).catch(() => undefined);
  await context.exposeBinding('autoconsentSendMessage', async ({ frame }, msg: Message) => {
    switch (msg.type) {
      case 'init': {
        // Once the choice is made, later pages only need it to stay made: autoconsent stays off.
        const config = {
          enabled: !settled,
          autoAction: action,
          disabledCmps: [],
          enablePrehide: false,
          enableCosmeticRules: false,
          enableGeneratedRules: true,
          detectRetries: 20,
          isMainWorld: true,
          prehideTimeout: 2000,
          enableHeuristicDetection: false,
          enablePopupMutationObserver: false,
          visualTest: false,
          logs: {
            lifecycle: false,
            rulesteps: false,
            detectionsteps: false,
            evals: false,
            errors: false,
            messages: false,
            waits: false,
          },
          performanceLoggingEnabled: false,
          heuristicPopupSearchTimeout: 0,
          heuristicMode: 'off',
        };
        await reply(frame, JSON.stringify({ type: 'initResp', config, rules: JSON.parse(rules) }));
        break;
      }
      case 'eval': {
        const result = await frame.evaluate(msg.code ?? 'undefined').catch(() => false);
        await reply(frame, JSON.stringify({ id: msg.id, type: 'evalResp', result }));
        break;
      }
      case 'cmpDetected':
        cmp = msg.cmp ?? cmp;
        break;
      case 'popupFound':
        // The banner is there and about to be operated: what follows is the choice's doing.
        if (!settled) onPopup();
        break;
      case 'optOutResult':
      case 'optInResult':
        cmp = msg.cmp ?? cmp;
        if (!msg.result) settle({ cmp, done: false });
        break;
      case 'autoconsentDone':
        settle({ cmp: msg.cmp ?? cmp, done: true });
        break;
      case 'report':
        if (msg.mainFrame && msg.state?.lifecycle == 'nothingDetected' && !cmp) settle({ cmp: null, done: false });
        break;
    }
  });
  await context.addInitScript(script);
  return () => {
    const timer = setTimeout(() => settle({ cmp, done: false }), timeoutMs);
    return outcome.finally(() => clearTimeout(timer));
  };
};
