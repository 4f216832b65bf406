import { choicesFor } from './categories.js';
import { servicesOnly, staleReason } from './record.js';
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

/** What the API's `state()` shows of an engine state: no `held`; the pre-fill is the valid record's choices, else the pre-fill with the held answers over it. @internal */
export const publicState = ({ held, ...current }: EngineState): ConsentState => ({
  ...current,
  prefill: current.record ? { ...current.record.c } : { ...current.prefill, ...held?.c },
});
