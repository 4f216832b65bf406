import Cookies from 'js-cookie';
import { parseRecord, serializeRecord } from './record.js';
import type { ConsentRecord, ResolvedConfig } from './types.js';
import { ownValue } from './values.js';

/** Log once per message with the `consentry:` prefix; never throw into the host page. */
const logged = new Set<string>();
export const warn = (message: string, error?: unknown): void => {
  if (logged.has(message)) return;
  logged.add(message);
  console.warn(`consentry: ${message}`, error ?? '');
};

/** Where this browser keeps the id of the record it stored last: localStorage (it may throw, or be gone). */
const lastIdKey = (config: ResolvedConfig): string => `${config.cookie.name}:id`;
const lastId = (config: ResolvedConfig): string | null => {
  try {
    return localStorage.getItem(lastIdKey(config));
  } catch {
    return null;
  }
};

const remember = (config: ResolvedConfig, id: string): void => {
  try {
    localStorage.setItem(lastIdKey(config), id);
  } catch {
    // Without storage a tossed cookie cannot be told apart: the cookie alone is read.
  }
};

/**
 * Read the stored record. A missing cookie, disabled cookies, a throwing `document.cookie`
 * or a value it cannot parse all return null: ask again, never grant. `cookies`: the document's
 * cookies as already read (name → value), else they are read now.
 *
 * Cookie tossing: a sibling subdomain can set a cookie of the name for the parent domain that
 * the browser lists first (a longer path, an older cookie) or, with `cookie.domain` set, that
 * overwrites ours. A record whose id differs from the one this browser stored here last is not
 * the choice made here: another cookie of the name with that id is used; else, with
 * `cookie.domain` set, none (ask again).
 */
export const readRecord = (config: ResolvedConfig, cookies?: Record<string, string>): ConsentRecord | null => {
  try {
    const { name, domain } = config.cookie;
    const record = parseRecord(ownValue(cookies ?? Cookies.get(), name));
    const last = lastId(config);
    if (!record || !last || record.id == last) return record;
    for (const pair of document.cookie.split(/; */)) {
      const at = pair.indexOf('=');
      const other = pair.slice(0, at) == name ? parseRecord(decodeURIComponent(pair.slice(at + 1))) : null;
      if (other?.id == last) return other;
    }
    // Host-only, the record cannot have come from a sibling's parent-domain write over ours.
    if (!domain) return record;
    warn('ignored a consent cookie not stored here');
  } catch (error) {
    warn('cannot read the consent cookie', error);
  }
  return null;
};

/** What browsers store at most in one cookie, name and value (RFC 6265 §6.1); a real record is a few hundred bytes. */
const COOKIE_LIMIT = 4096;

/**
 * Store the record in one first-party cookie: host-only unless `cookie.domain` is set,
 * SameSite (Lax by default), Secure on https, `path=/`, expiring with the record; null removes
 * it. Where cookies are disabled the choice holds for this page view only. A record over the
 * cookie size limit would be dropped by the browser without a word, leaving an older choice in
 * force: it is not stored, the older one is removed, and a console error says so.
 */
export const writeRecord = (config: ResolvedConfig, record: ConsentRecord | null): void => {
  const { name, domain, path, sameSite } = config.cookie;
  const attributes = { domain, path, sameSite, secure: location.protocol == 'https:' || sameSite == 'None' };
  try {
    if (record) {
      const size = (
        Cookies.set(name, serializeRecord(record), { ...attributes, expires: new Date(record.exp) }) ?? ''
      ).split(';')[0].length;
      if (size > COOKIE_LIMIT) {
        console.error(
          `consentry: the consent record (${size} B) is over the ${COOKIE_LIMIT} B a cookie holds: not stored`,
        );
        record = null;
      } else remember(config, record.id);
    }
    if (!record) Cookies.remove(name, attributes);
  } catch (error) {
    warn('cannot write the consent cookie', error);
  }
};
