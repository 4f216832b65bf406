import { choicesFor } from './categories.js';
import { servicesOnly, staleReason } from './record.js';
import type { Integration } from './integration.js';
import { readRecord } from './store.js';
import type { CategoryKey, ConsentRecord, ConsentState, ResolvedConfig } from './types.js';

/**
 * The engine's state: the public {@link ConsentState}, plus `held`: the record whose answers
 * are in force — the valid record, or a current one that answers for services only (a
 * placeholder's "Always allow"; the banner still asks), else null.
 * @internal
 */
export type EngineState = ConsentState & { held: ConsentRecord | null };

/**
 * The state for a stored record as this page reads it, and the categories a live signal
 * refuses (GPC). An unusable (invalid) config never asks: reason null keeps the banner hidden.
 * Refused categories are not pre-filled; in opt-out mode the others are, until refused.
 * @internal
 */
export const consentStateOf = (config: ResolvedConfig, usable: boolean, stored: ConsentRecord | null, refused: CategoryKey[], now: number): EngineState => {
  const reason = !usable ? null : stored ? staleReason(stored, config, now) : 'none';
  const held = stored && (!reason || (reason == 'none' && servicesOnly(stored, config))) ? stored : null;
  const prefill = { ...stored?.c, ...choicesFor(config, (key) => !refused.includes(key) && (stored?.c[key] ?? config.mode == 'opt-out')) };
  return { record: reason ? null : stored, held, prefill, reason, gpcRefused: refused };
};

/**
 * How the engine reads its state: `[read, lastRead]`. `read(cookies?)` reads the stored record
 * (from `cookies` when given), lets the integrations' reading hooks refuse categories (GPC) and
 * change the record, and gives the state; `lastRead()` is the stored record as last read,
 * before those hooks (tab sync compares other tabs' changes with it).
 * @internal
 */
export const stateReader = (
  config: ResolvedConfig,
  usable: boolean,
  integrations: readonly Integration[],
  now: () => number,
): [(cookies?: Record<string, string>) => EngineState, () => ConsentRecord | null] => {
  let read: ConsentRecord | null = null;
  const readState = (cookies?: Record<string, string>): EngineState => {
    const refused = integrations.flatMap((i) => i._refused?.(config) ?? []);
    let stored = (read = usable ? readRecord(config, cookies) : null);
    for (const i of integrations) if (i._readStored) stored = i._readStored(stored, refused);
    return consentStateOf(config, usable, stored, refused, now());
  };
  return [readState, () => read];
};
