// The npm entry `consentry/shared`: the pure modules the Node tools (@consentry/cli,
// @consentry/receiver) share with the browser code — formats, the config check, rule and
// cookie-name matching — so that each is written once. No DOM, no side effects.
export * from './core/formats.js';
export { ConfigError, resolveConfig } from './core/config.js';
export { DEFAULT_CATEGORIES, GPC_CATEGORIES, NECESSARY } from './core/categories.js';
export { categoriesFor, guardRules, hostMatches, parseUrl } from './core/rules.js';
export { matchingNames } from './core/cleaner.js';
export { parseRecord, serializeRecord } from './core/record.js';
export { isObject, isSafeUrl } from './core/values.js';
export { VERSION } from './core/version.js';
