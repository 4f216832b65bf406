import { NECESSARY } from './categories.js';
import { deleteCookiesOf } from './cleaner.js';
import { resolveConfig } from './config.js';
import { Emitter } from './events.js';
import { TagGatekeeper } from './gatekeeper.js';
import { installInterceptors } from './intercept.js';
import { createRecord, staleReason } from './record.js';
import { readRecord, warn, writeRecord } from './store.js';
import type {
  BlockedRequest,
  CategoryKey,
  Choices,
  ConsentApi,
  ConsentEvents,
  ConsentMethod,
  ConsentRecord,
  ConsentState,
  ResolvedConfig,
} from './types.js';
import { VERSION } from './version.js';
import { startConsentMode } from '../integrations/consent-mode.js';
import { applyGpc, gpcRefused } from '../integrations/gpc.js';
import { startReceipts } from '../integrations/receipt.js';
import { syncTabs } from '../integrations/sync.js';

/** Options for {@link createConsent} beyond the site configuration. */
export interface CreateOptions {
  /** Clock, for tests. */
  now?: () => number;
}

const dispatch = (name: string, detail: unknown): void => {
  document.dispatchEvent(new CustomEvent(`consentry:${name}`, { detail }));
};

/**
 * The consent engine: reads the stored choice, keeps tagged elements blocked until their
 * categories are granted, stores new choices and tells listeners. Never throws into the page.
 */
class Consent implements ConsentApi {
  readonly version = VERSION;
  private _events = new Emitter<ConsentEvents>();
  private _record: ConsentRecord | null = null;
  private _state: ConsentState;
  private _gatekeeper: TagGatekeeper;
  /** Requests and elements stopped so far (filled by the URL-rule interceptors). */
  readonly _blocked: BlockedRequest[] = [];
  // Integrations (src/integrations), set up in start() when configured.
  private _consentMode?: () => void;
  private _receipt?: (record: ConsentRecord, gpc: boolean) => void;
  private _notifyTabs?: () => void;

  constructor(
    readonly config: ResolvedConfig,
    private readonly _now: () => number,
    /** false when the configuration was invalid: nothing optional is ever granted. */
    private readonly _usable: boolean,
  ) {
    this._state = this._readState();
    this._record = this._state.record;
    this._gatekeeper = new TagGatekeeper((category) => this.granted(category));
  }

  /** Start blocking and releasing; announce `ready`, and `show` when consent must be asked. */
  start(): void {
    const { googleConsentMode, receipt, mode } = this.config;
    if (this._usable) {
      // Consent Mode: the default must reach the dataLayer before any tag runs, and the
      // update must run on every page load (also for opt-out's granted-until-refused state).
      if (googleConsentMode) this._consentMode = startConsentMode(googleConsentMode, this);
      if (this._record || mode == 'opt-out') this._consentMode?.();
      if (receipt) this._receipt = startReceipts(receipt, this.config);
      this._notifyTabs = syncTabs(() => JSON.stringify(readRecord(this.config)), () => {
        const before = this.config.categories.filter((c) => this.granted(c.key)).map((c) => c.key);
        this._state = this._readState();
        this._apply(this._state.record, before);
        if (!this._record) this._events.emit('show', { preferences: false });
      });
    }
    installInterceptors(this);
    // Trackers re-create refused cookies (GA4's `_ga_*`): clear them on every page load.
    if (this._record) deleteCookiesOf(this.config, (c) => this.granted(c));
    this._gatekeeper.releaseAllowed();
    this._gatekeeper.observe();
    this._events.emit('ready', this._record);
    dispatch('ready', this._record);
    if (this._usable && !this._record) this._events.emit('show', { preferences: false });
  }

  private _readState(): ConsentState {
    const gpc = gpcRefused(this.config);
    const stored = applyGpc(this._usable ? readRecord(this.config) : null, gpc);
    // An unusable (invalid) config never asks: reason null keeps the banner hidden.
    const reason = !this._usable ? null : stored ? staleReason(stored, this.config, this._now()) : 'none';
    const record = reason ? null : stored;
    const prefill: Choices = {};
    for (const { key, locked } of this.config.categories)
      if (!locked) prefill[key] = !gpc.includes(key) && (stored?.c[key] ?? this.config.mode == 'opt-out');
    return { record, prefill, reason, gpcRefused: gpc };
  }

  get(): ConsentRecord | null {
    return this._record;
  }

  granted(category: CategoryKey): boolean {
    if (category == NECESSARY) return true;
    if (!this._usable || !this.config.categories.some((c) => c.key == category)) return false;
    if (this._record) return this._record.c[category] === true;
    // opt-out (notice-only jurisdictions): on until refused, except what GPC refuses.
    return this.config.mode == 'opt-out' && !this._state.gpcRefused.includes(category);
  }

  set(choices: Choices, method: ConsentMethod = 'custom'): ConsentRecord | null {
    if (!this._usable) {
      warn('the configuration is invalid, so no choice can be stored');
      return null;
    }
    if (typeof choices != 'object' || !choices) {
      warn('set() expects an object like { analytics: true }');
      return null;
    }
    const before = this.config.categories.filter((c) => this.granted(c.key)).map((c) => c.key);
    const record = createRecord(choices, method, this.config, this._record?.id ?? this._state.record?.id, this._now());
    this._apply(record, before, () => {
      writeRecord(this.config, record);
      this._notifyTabs?.();
      this._receipt?.(record, !!this._state.gpcRefused[0]);
    });
    return record;
  }

  acceptAll(): ConsentRecord | null {
    // GPC: advertising/third_party stay off unless switched on one by one in the dialog.
    return this.set(Object.fromEntries(this.config.categories.map((c) => [c.key, !this._state.gpcRefused.includes(c.key)])), 'accept-all');
  }

  rejectAll(): ConsentRecord | null {
    return this.set({}, 'reject-all');
  }

  reset(): void {
    const before = this.config.categories.filter((c) => this.granted(c.key)).map((c) => c.key);
    writeRecord(this.config, null);
    this._notifyTabs?.();
    this._apply(null, before);
    this._events.emit('show', { preferences: false });
  }

  open(): void {
    this._events.emit('show', { preferences: true });
  }

  on<K extends keyof ConsentEvents>(event: K, fn: (detail: ConsentEvents[K]) => void): () => void {
    return this._events.on(event, fn);
  }

  blocked(): BlockedRequest[] {
    return this._blocked.slice();
  }

  state(): ConsentState {
    return { ...this._state, record: this._record, prefill: this._record ? { ...this._record.c } : this._state.prefill };
  }

  /**
   * Make `record` the current choice: release what is now granted, and for what was
   * withdrawn, delete its cookies and (by default) reload so running scripts stop.
   * Granted scripts are released first, right after the Consent Mode update (an inline tag
   * released next must see it): storing the record (`store`), receipts and cookie cleanup
   * follow in the same task, so they never delay a granted script (DESIGN: it runs within
   * 16 ms of the click).
   */
  _apply(record: ConsentRecord | null, before: CategoryKey[], store?: () => void): void {
    this._record = record;
    this._state = { ...this._state, record, reason: record ? null : 'none' };
    const withdrawn = before.filter((key) => !this.granted(key));
    this._consentMode?.();
    this._gatekeeper.releaseAllowed();
    store?.();
    deleteCookiesOf(this.config, (c) => this.granted(c));
    this._events.emit('change', record);
    dispatch('change', record);
    if (withdrawn.length && this.config.reloadOnWithdraw) location.reload();
  }
}

const INERT_CONFIG = resolveConfig({});

/**
 * Create the consent engine for a configuration (`{}` is valid). A bad configuration is
 * reported with a message naming the key, and the engine stays in the safe state: every
 * optional category refused, the banner not shown. Outside a browser (SSR) the instance is inert.
 */
export const createConsent = (config: unknown = {}, options: CreateOptions = {}): ConsentApi => {
  const now = options.now ?? Date.now;
  if (typeof document == 'undefined') return new Consent(INERT_CONFIG, now, false);
  let resolved = INERT_CONFIG;
  let usable = true;
  try {
    if (config instanceof Error) throw config;
    resolved = resolveConfig(config);
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    usable = false;
  }
  const consent = new Consent(resolved, now, usable);
  consent.start();
  return consent;
};

