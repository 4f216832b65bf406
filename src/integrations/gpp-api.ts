import { SECTIONS, blankUsSection, encodeGpp, encodeUsSection, type UsSection } from './gpp-encoder.js';
import type { StartGpp } from './gpp.js';

// The GPP CMP API 1.1 (`ping`, `addEventListener`, `removeEventListener`, `hasSection`,
// `getSection`, `getField`), same-origin through `window.__gpp` and from other frames through
// postMessage (`__gppCall` / `__gppReturn`). Loaded by ./gpp.ts only where a region lists GPP sections.

type Callback = (value: unknown, success: boolean) => void;
type SectionName = keyof typeof SECTIONS;

/** Start answering; replays what the stub queued. */
export const startGppApi: StartGpp = (api, calls, messages, stubListener) => {
  const { cmpId, mspaCovered } = api.config.gpp;
  const listeners = new Map<number, Callback>();
  let nextId = 0;
  /** Whether the notice was shown: on this visit (the banner asked) or an earlier one (a stored choice). */
  let shown = false;
  let ready = false;
  let gppString = '';
  let parsed: Partial<Record<SectionName, UsSection>> = {};

  const applicable = () => Object.keys(parsed).map((name) => SECTIONS[name as SectionName][0]);
  const ping = () => ({
    gppVersion: '1.1',
    cmpStatus: 'loaded',
    cmpDisplayStatus: ready && !api.get() && api.state().reason ? 'visible' : 'hidden',
    signalStatus: ready ? 'ready' : 'not ready',
    supportedAPIs: ['7:usnat', '8:usca'],
    cmpId,
    sectionList: applicable(),
    applicableSections: applicable()[0] ? applicable() : [-1],
    gppString,
    parsedSections: parsed,
  });
  const send = (callback: Callback, eventName: string, data: unknown, listenerId: number) =>
    callback({ eventName, listenerId, data, pingData: ping() }, true);

  /** The sections as the visitor's choices and signals make them (docs/guide/regions.md "GPP"). */
  const compute = (): boolean => {
    const state = api.state();
    if (!state.gpp) return false; // the region is not known yet
    shown ||= !!api.get() || !!state.reason;
    const gpc = (navigator as { globalPrivacyControl?: unknown }).globalPrivacyControl === true;
    // CCPA/CPRA: refusing advertising or third-party is opting out of sale, sharing and targeted advertising; GPC is.
    const optedOut = gpc || !api.granted('advertising') || !api.granted('third_party') ? 1 : 2;
    const notice = shown ? 1 : 0;
    // MSPA: only signatories may say a transaction is covered (1); Prebid reads 0 as denied.
    const mspa = mspaCovered ? [1, 1, 2] : [2, 2, 2];
    const next: typeof parsed = {};
    for (const name of state.gpp) {
      const fields = blankUsSection(name);
      for (const key of ['SharingNotice', 'SaleOptOutNotice', 'SharingOptOutNotice', 'TargetedAdvertisingOptOutNotice'])
        if (key in fields) fields[key] = notice;
      for (const key of ['SaleOptOut', 'SharingOptOut', 'TargetedAdvertisingOptOut'])
        if (key in fields) fields[key] = optedOut;
      [fields.MspaCoveredTransaction, fields.MspaOptOutOptionMode, fields.MspaServiceProviderMode] = mspa;
      fields.Gpc = gpc;
      next[name] = fields;
    }
    const sections = Object.entries(next).map(
      ([name, fields]) =>
        [SECTIONS[name as SectionName][0], encodeUsSection(name as SectionName, fields)] as [number, string],
    );
    const string = sections[0] ? encodeGpp(sections) : '';
    const changed = !ready || string != gppString;
    parsed = next;
    gppString = string;
    ready = true;
    return changed;
  };
  const update = () => {
    const first = !ready;
    if (!compute()) return;
    for (const [id, callback] of listeners) {
      if (!first) for (const name of Object.keys(parsed)) send(callback, 'sectionChange', name, id);
      send(callback, 'signalStatus', 'ready', id);
    }
  };

  const handle = (command: unknown, callback: Callback, parameter?: unknown): void => {
    if (typeof callback != 'function') return;
    switch (command) {
      case 'ping':
        return callback(ping(), true);
      case 'addEventListener': {
        const id = nextId++;
        listeners.set(id, callback);
        send(callback, 'listenerRegistered', true, id);
        // A listener that comes after the string is ready still learns it is (Prebid ignores listenerRegistered).
        if (ready) send(callback, 'signalStatus', 'ready', id);
        return;
      }
      case 'removeEventListener':
        return callback(listeners.delete(parameter as number), true);
      case 'hasSection':
        return callback(Object.hasOwn(parsed, parameter as string), true);
      case 'getSection':
        return callback(parsed[parameter as SectionName] ?? null, true);
      case 'getField': {
        const [name, field] = String(parameter).split('.');
        return callback(parsed[name as SectionName]?.[field] ?? null, true);
      }
      default:
        callback(null, false);
    }
  };

  /** A call from another frame: `{ __gppCall: { command, parameter, version, callId } }`, as an object or JSON. */
  const onMessage = (e: MessageEvent) => {
    let data = e.data;
    const json = typeof data == 'string';
    try {
      if (json) data = JSON.parse(data);
    } catch {
      return;
    }
    const call = data?.__gppCall;
    if (!call || !e.source) return;
    handle(
      call.command,
      (returnValue, success) => {
        const reply = { __gppReturn: { returnValue, success, callId: call.callId } };
        (e.source as Window).postMessage(json ? JSON.stringify(reply) : reply, '*');
      },
      call.parameter,
    );
  };

  (window as unknown as { __gpp: unknown }).__gpp = (command: unknown, callback: Callback, parameter?: unknown) =>
    handle(command, callback, parameter);
  removeEventListener('message', stubListener);
  addEventListener('message', onMessage);
  compute();
  api.on('change', update);
  api.on('show', () => ((shown = true), update()));
  for (const [command, callback, parameter] of calls) handle(command, callback as Callback, parameter);
  for (const e of messages) onMessage(e);
};
