import { choicesFor } from './categories.js';
import type { EngineState } from './consent-state.js';
import { mergeChoices } from './grants.js';
import { createRecord, servicesOnly } from './record.js';
import { warn } from './store.js';
import type { CategoryKey, Choices, ConsentApi, ConsentRecord, ResolvedConfig } from './types.js';

/**
 * The public API's members that make a choice or read the state (set, acceptAll, rejectAll,
 * reset, state), over the engine's parts (./engine.ts): `state` gives the current state,
 * `unanswered` what a category is before any answer, `apply` makes a state current (a record,
 * or null: forgotten, is stored too), `ask` shows the first layer.
 * @internal
 */
export const choiceMethods = (
  config: ResolvedConfig,
  usable: boolean,
  now: () => number,
  state: () => EngineState,
  unanswered: (category: CategoryKey) => boolean,
  apply: (next: EngineState, record?: ConsentRecord | null) => void,
  ask: () => void,
): Pick<ConsentApi, 'set' | 'acceptAll' | 'rejectAll' | 'reset' | 'state'> => {
  const own = (category: CategoryKey) => state().held?.c[category] ?? unanswered(category);
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
    set,
    // GPC: advertising/third_party stay off unless switched on one by one in the dialog.
    acceptAll: () => set(choicesFor(config, (key) => !state().gpcRefused.includes(key)), 'accept-all'),
    rejectAll: () => set(choicesFor(config, () => false), 'reject-all'),
    reset() {
      apply({ ...state(), record: null, held: null }, null);
      ask();
    },
    state: () => {
      const { held, ...current } = state();
      return { ...current, prefill: current.record ? { ...current.record.c } : { ...current.prefill, ...held?.c } };
    },
  };
};
