import { choicesFor } from './categories.js';
import type { EngineState } from './consent-state.js';
import { allowedOnce, type Release } from './gatekeeper.js';
import { mergeChoices } from './grants.js';
import { createRecord, servicesOnly } from './record.js';
import { warn } from './store.js';
import type { BlockedRequest, CategoryKey, Choices, ConsentApi, ConsentRecord, ResolvedConfig } from './types.js';
import { VERSION } from './version.js';

/** The engine's working parts its public API is made of (./engine.ts). @internal */
export interface EngineParts {
  /** The current state. */
  _state(): EngineState;
  /** A category before any answer (opt-out: on until refused, except what a signal refuses). */
  _unanswered(category: CategoryKey): boolean;
  /** Whether a category or service is granted now. */
  _granted(key: string): boolean;
  /** Release what is granted now (under an element). */
  _release: Release;
  /** Ask: the first layer, or the preferences dialog. */
  _ask(preferences?: boolean): void;
  /** Make a state current; a record (or null: forgotten) is stored too. */
  _apply(next: EngineState, record?: ConsentRecord | null): void;
  /** Subscribe to the engine's events. */
  _on: ConsentApi['on'];
  /** Requests and elements stopped so far. */
  _blocked: BlockedRequest[];
}

/** The public API (`window.consentry`, createConsent's result) over the engine's parts. @internal */
export const consentApiOf = (config: ResolvedConfig, usable: boolean, now: () => number, parts: EngineParts): ConsentApi => {
  const { _state: state, _ask: ask, _apply: apply } = parts;
  const own = (category: CategoryKey) => state().held?.c[category] ?? parts._unanswered(category);
  const set = (choices: Choices, method: ConsentRecord['m'] = 'custom'): ConsentRecord | null => {
    if (!usable) return warn('no choice can be stored (invalid config, or not in a browser)'), null;
    if (typeof choices != 'object' || !choices) return warn('set() expects an object like { analytics: true }'), null;
    const held = state().held;
    const record = createRecord(mergeChoices(config, held?.c ?? {}, choices, own), method, config, held?.id, now());
    // A services-only answer is held, but is no answer to the banner: state.record stays null.
    apply({ ...state(), record: servicesOnly(record, config) ? null : record, held: record }, record);
    return record;
  };
  return {
    version: VERSION,
    config,
    get: () => state().record,
    granted: parts._granted,
    set,
    // GPC: advertising/third_party stay off unless switched on one by one in the dialog.
    acceptAll: () => set(choicesFor(config, (key) => !state().gpcRefused.includes(key)), 'accept-all'),
    rejectAll: () => set(choicesFor(config, () => false), 'reject-all'),
    reset() {
      apply({ ...state(), record: null, held: null }, null);
      ask();
    },
    open: () => ask(true),
    loadOnce(element) {
      if (!(element instanceof Element)) return;
      allowedOnce.add(element);
      parts._release(element);
    },
    on: parts._on,
    blocked: () => parts._blocked.slice(),
    state: () => {
      const { held, ...current } = state();
      return { ...current, prefill: current.record ? { ...current.record.c } : { ...current.prefill, ...held?.c } };
    },
  };
};
