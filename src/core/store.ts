import Cookies from 'js-cookie';
import { parseRecord, serializeRecord } from './record.js';
import type { ConsentRecord, ResolvedConfig } from './types.js';

/** Log once per message with the `consentry:` prefix; never throw into the host page. */
const logged = new Set<string>();
export const warn = (message: string, error?: unknown): void => {
  if (logged.has(message)) return;
  logged.add(message);
  console.warn(`consentry: ${message}`, error ?? '');
};

/**
 * Read the stored record. A missing cookie, disabled cookies, a throwing `document.cookie`
 * or a value it cannot parse all return null: ask again, never grant. `cookies`: the document's
 * cookies as already read (name → value), else they are read now.
 */
export const readRecord = (config: ResolvedConfig, cookies?: Record<string, string>): ConsentRecord | null => {
  try {
    return parseRecord((cookies ?? Cookies.get())[config.cookie.name]);
  } catch (error) {
    warn('cannot read the consent cookie', error);
    return null;
  }
};

/**
 * Store the record in one first-party cookie: SameSite (Lax by default), Secure on https,
 * `path=/`, the configured domain, expiring with the record; null removes it. Where cookies
 * are disabled the choice holds for this page view only.
 */
export const writeRecord = (config: ResolvedConfig, record: ConsentRecord | null): void => {
  const { name, domain, path, sameSite } = config.cookie;
  const attributes = { domain, path, sameSite, secure: location.protocol == 'https:' || sameSite == 'None' };
  try {
    if (record) Cookies.set(name, serializeRecord(record), { ...attributes, expires: new Date(record.exp) });
    else Cookies.remove(name, attributes);
  } catch (error) {
    warn('cannot write the consent cookie', error);
  }
};
