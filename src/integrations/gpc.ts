import { GPC_CATEGORIES } from '../core/categories.js';
import type { Integration } from '../core/integration.js';
import type { CategoryKey, ConsentRecord, ResolvedConfig } from '../core/types.js';
import { ownValue } from '../core/values.js';

/**
 * The categories Global Privacy Control refuses for this configuration: `advertising` and
 * `third_party` (sale/sharing of data, CCPA/CPRA) when `navigator.globalPrivacyControl`
 * is true, else none. Read on every page load: GPC is a live signal, not a stored choice.
 */
export const gpcRefused = (config: ResolvedConfig): CategoryKey[] =>
  (globalThis.navigator as { globalPrivacyControl?: unknown } | undefined)?.globalPrivacyControl === true
    ? GPC_CATEGORIES.filter((key) => config.categories.some((c) => c.key == key))
    : [];

/**
 * CPRA regs §7025(c)(3): a GPC signal that conflicts with an earlier setting is processed as
 * an opt-out. So a stored `accept-all` (made before GPC was on: under GPC acceptAll() leaves
 * these categories off) counts as refusing them; a per-category choice (`custom`, `api`) is
 * the person switching them on deliberately and stands.
 */
export const applyGpc = (record: ConsentRecord | null, refused: CategoryKey[]): ConsentRecord | null =>
  record?.m == 'accept-all' && refused.some((key) => ownValue(record.c, key))
    ? { ...record, c: { ...record.c, ...Object.fromEntries(refused.map((key) => [key, false])) } }
    : record;

/** Global Privacy Control as an engine integration: its refusal is read with the stored choice, on every read. */
export const gpc = (): Integration => ({ _refused: gpcRefused, _readStored: applyGpc });
