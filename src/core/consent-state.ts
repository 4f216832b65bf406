import type { ConsentRecord, ConsentState } from './types.js';

/**
 * The engine's state: the public {@link ConsentState}, plus `held`: the record whose answers
 * are in force — the valid record, or a current one that answers for services only (a
 * placeholder's "Always allow"; the banner still asks), else null.
 * @internal
 */
export type EngineState = ConsentState & { held: ConsentRecord | null };

/** What the API's `state()` shows of an engine state: no `held`; the pre-fill is the valid record's choices, else the pre-fill with the held answers over it. @internal */
export const publicState = ({ held, ...current }: EngineState): ConsentState => ({
  ...current,
  prefill: current.record ? { ...current.record.c } : { ...current.prefill, ...held?.c },
});
