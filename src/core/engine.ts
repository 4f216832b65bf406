import { NECESSARY, choicesFor } from './categories.js';
import { deleteCookiesOf } from './cleaner.js';
import { docCall } from './dom.js';
import { publicState, type EngineState } from './consent-state.js';
import { createEmitter } from './events.js';
import { allowedOnce, onDomChange, tagGatekeeper } from './gatekeeper.js';
import { grantsFor, mergeChoices } from './grants.js';
import { createRecord, servicesOnly, staleReason } from './record.js';
import type { Integration, IntegrationHooks } from './integration.js';
import { installInterceptors } from './intercept.js';
import { firstPlace } from './regions.js';
import { readRecord, warn, writeRecord } from './store.js';
import type {
  BlockedRequest,
  CategoryKey,
  Choices,
  ConsentApi,
  ConsentEvents,
  ConsentRecord,
  ResolvedConfig,
} from './types.js';
import { ownValue } from './values.js';
import { VERSION } from './version.js';

// The consent engine for a resolved (checked, defaulted) configuration. createConsent
// (./consent.ts) checks a site's configuration first; the site build (docs/guide/install.md "Site build")
// has it checked at build time and starts the engine directly, without the checker or the catalog.

/** Options for {@link startConsent}. */
export interface EngineOptions {
  /** Clock, for tests. */
  now?: () => number;
  /** The document's cookies (name → value) as the caller already read them; read here when absent. */
  cookies?: Record<string, string>;
  /**
   * What the engine plugs in (./integration.ts): Consent Mode, GPC, receipts, tab sync … The
   * entry that starts the engine passes them (src/entries); none by default.
   * @internal
   */
  _integrations?: readonly Integration[];
  /**
   * Called with the API before the engine starts blocking and releasing: an inline script it
   * releases, or a `consentry:ready` listener, may already use it (as `window.consentry`).
   * For the script-tag install (src/core/global.ts).
   * @internal
   */
  _created?: (api: ConsentApi) => void;
}

/**
 * Start the consent engine for a resolved configuration: it reads the stored choice, keeps
 * tagged elements blocked until their categories are granted, stores new choices and tells
 * listeners. Never throws into the page. `usable` false (an invalid configuration, or SSR) is
 * the safe state: every optional category refused, the banner not shown. Outside a browser
 * (SSR) the instance is inert.
 */
export const startConsent = (config: ResolvedConfig, usable: boolean, options: EngineOptions = {}): ConsentApi => {
  const now = options.now ?? Date.now;
  /** Every optional key a choice can be about: categories, then services. */
  const keys = [...config.categories.map((c) => c.key), ...config.services.map((s) => s.id)];
  const events = createEmitter<ConsentEvents>();
  /** Requests and elements stopped so far (filled by the URL-rule interceptors). */
  const blocked: BlockedRequest[] = [];
  const integrations = options._integrations ?? [];
  /** The hooks of the started integrations: none until the start, none at all in the safe state. */
  let hooks: IntegrationHooks[] = [];
  /** The visitor's place (docs/guide/regions.md): with `regions`, the strictest mode until it is found. */
  const locating = usable && Object.keys(config.regions)[0] && integrations.find((i) => i._place)?._place?.(config);
  let place = firstPlace(config, locating);
  const separate = (key: CategoryKey) => config.categories.some((c) => c.key == key && c.separate);

  /** The stored record as last read, before the reading hooks (tab sync compares other tabs' changes with it). */
  let lastRead: ConsentRecord | null = null;
  /** The state of the stored record (from `cookies` when given) once the reading hooks refused categories (GPC) and changed it. */
  const readState = (cookies?: Record<string, string>): EngineState => {
    const refused = integrations.flatMap((i) => i._refused?.(config) ?? []);
    let stored = (lastRead = usable ? readRecord(config, cookies) : null);
    for (const i of integrations) if (i._readStored) stored = i._readStored(stored, refused);
    // An unusable (invalid) config never asks: reason null keeps the banner hidden. While the
    // region is being found no stored choice holds (nothing optional runs), nor is anyone asked.
    const reason = !usable
      ? null
      : stored
        ? (staleReason(stored, config, now()) ?? (!place.known || place.moved?.(stored) ? 'region' : null))
        : 'none';
    const held = stored && (!reason || (reason == 'none' && servicesOnly(stored, config))) ? stored : null;
    // Refused categories are not pre-filled; in opt-out and notice modes the others are, until refused.
    const prefill = {
      ...stored?.c,
      ...choicesFor(
        config,
        (key) => !refused.includes(key) && (ownValue(stored?.c, key) ?? (place.mode != 'opt-in' && !separate(key))),
      ),
    };
    return {
      record: reason ? null : stored,
      held,
      prefill,
      reason: place.known ? reason : null,
      gpcRefused: refused,
      mode: place.mode,
      region: place.region,
      gpp: place.known ? (place.gpp ?? []) : undefined,
    };
  };
  /** The current state; `state.record` is the valid choice, or null when consent must be asked. */
  let state = readState(options.cookies);

  /** A category before any answer. opt-out and notice: on until refused, except what a signal (GPC) refuses and separate consent. */
  const unanswered = (category: CategoryKey) =>
    state.mode != 'opt-in' && !separate(category) && !state.gpcRefused.includes(category);
  /** The grant rule of the state in force, built once per state (release runs it on every DOM change). */
  let ruleOf: EngineState | undefined;
  let grants: (key: string) => boolean;
  const granted = (key: CategoryKey): boolean => {
    if (ruleOf != state) grants = grantsFor(config, (ruleOf = state).held?.c ?? {}, unanswered);
    return key == NECESSARY || (usable && grants(key));
  };

  const release = tagGatekeeper(granted);
  const ask = (preferences = false) => events.emit('show', { preferences });
  /** Tell listeners and the page (`consentry:ready`, `consentry:change` on document). */
  const announce = (name: 'ready' | 'change', record: ConsentRecord | null): void => {
    events.emit(name, record);
    docCall('dispatchEvent', new CustomEvent(`consentry:${name}`, { detail: record }));
  };

  /**
   * Make `next` the current state: `beforeRelease` hooks (Consent Mode's update, which a released
   * tag must already see), then release what is now granted (a granted script should run within
   * a frame of the click); then, in the same task, store the record (cookie, `afterStore` hooks:
   * other tabs, receipt), delete the cookies of what was withdrawn and (by default) reload so
   * running scripts stop.
   */
  const apply = (next: EngineState, record?: ConsentRecord | null): void => {
    const before = keys.filter(granted);
    // An invalid config (the safe state) never asks: reason stays null, the banner hidden.
    state = { ...next, reason: next.record || !usable ? null : 'none' };
    for (const h of hooks) h._beforeRelease?.();
    release();
    if (record !== undefined) {
      writeRecord(config, record);
      for (const h of hooks) h._afterStore?.(record);
    }
    deleteCookiesOf(config, granted);
    announce('change', state.record);
    if (config.reloadOnWithdraw && before.some((key) => !granted(key))) location.reload();
  };

  const own = (category: CategoryKey) => ownValue(state.held?.c, category) ?? unanswered(category);
  const set = (choices: Choices, method: ConsentRecord['m'] = 'custom'): ConsentRecord | null => {
    if (!usable) return (warn('no choice can be stored (invalid config, or not in a browser)'), null);
    if (typeof choices != 'object' || !choices) return (warn('set() expects an object like { analytics: true }'), null);
    const record = createRecord(
      mergeChoices(config, state.held?.c ?? {}, choices, own),
      method,
      config,
      state.held?.id,
      now(),
      place.region,
    );
    // A services-only answer is held, but is no answer to the banner: state.record stays null.
    apply({ ...state, record: servicesOnly(record, config) ? null : record, held: record }, record);
    return record;
  };
  const api: ConsentApi = {
    version: VERSION,
    config,
    get: () => state.record,
    granted,
    set,
    // GPC: advertising/third_party stay off unless switched on one by one in the dialog. Separate consent: only its own switch grants it.
    acceptAll: () =>
      set(
        choicesFor(config, (key) => (separate(key) ? own(key) : !state.gpcRefused.includes(key))),
        'accept-all',
      ),
    rejectAll: () =>
      set(
        choicesFor(config, () => false),
        'reject-all',
      ),
    reset() {
      apply({ ...state, record: null, held: null }, null);
      ask();
    },
    open: () => ask(true),
    loadOnce(element) {
      if (!(element instanceof Element)) return;
      allowedOnce.add(element);
      release(element);
    },
    on: events.on,
    blocked: () => blocked.slice(),
    state: () => publicState(state),
  };
  if (typeof document == 'undefined') return api;
  options._created?.(api);

  // Integrations first: Consent Mode's default must reach the dataLayer before any tag runs.
  if (usable) {
    /** Another tab's change: put the stored choice in force, and ask when none is valid. */
    const applyStored = () => {
      apply(readState());
      if (!state.record) ask();
    };
    hooks = integrations.map((i) => i._start?.(api, lastRead, applyStored) || {});
    // Consent Mode: its update must run on every page load (opt-out's granted-until-refused state too).
    if (state.held || state.mode != 'opt-in') for (const h of hooks) h._beforeRelease?.();
  }
  // Block and release. `state` is read at each step: a released inline script may already have called set().
  installInterceptors(api, blocked, release);
  // Trackers re-create refused cookies (GA4's `_ga_*`): clear them on every page load.
  if (state.record) deleteCookiesOf(config, granted);
  release();
  // One document query per batch of insertions: touching every added node from script made the parser's task long at 4× CPU.
  onDomChange(release);
  announce('ready', state.record);
  if (usable && !state.record && place.known) ask();
  // The region is known: its mode takes effect (a granting mode releases what was held, as a grant does).
  if (locating)
    locating.then(
      (found) => {
        place = found;
        const next = readState();
        apply(next);
        state.reason = next.reason;
        if (!state.record) ask();
      },
      () => {},
    ); // the rules could not be loaded (already reported): the strictest mode stays
  return api;
};
