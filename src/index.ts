// The npm entry: the public API and its types, nothing else.
export { createConsent } from './entries/npm.js';
export type { CreateOptions } from './core/consent.js';
export { ConfigError, resolveConfig } from './core/config.js';
export { parseRecord } from './core/record.js';
export { VERSION } from './core/version.js';
export type * from './core/types.js';
