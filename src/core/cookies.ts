// The one first-party cookie and the cleanup of refused ones, on `document.cookie` directly
// (RFC 6265). Replaces js-cookie in the head script: it was 0.6 KB brotli of a 7 KB budget,
// for three calls. Values are written percent-encoded (encodeURIComponent) and read with
// decodeURIComponent, so records js-cookie wrote (its encoding is a subset) still read.

/** Attributes of a cookie write; `expires` omitted = a session cookie. */
export interface CookieAttributes {
  domain?: string;
  path?: string;
  sameSite?: string;
  secure?: boolean;
  expires?: Date;
}

/** Every cookie visible here, by name (one `document.cookie` read, a synchronous IPC). Throws where cookies are blocked. */
export const readCookies = (): Record<string, string> => {
  const jar: Record<string, string> = {};
  for (const pair of document.cookie.split('; ')) {
    const at = pair.indexOf('=');
    if (at < 1) continue;
    const name = pair.slice(0, at);
    try {
      jar[name] ??= decodeURIComponent(pair.slice(at + 1));
    } catch {
      // A value that is not valid percent-encoding: not ours, and not readable as one of ours.
    }
  }
  return jar;
};

/** Write (or, with a past `expires`, delete) one cookie. Throws where cookies are blocked. */
export const writeCookie = (name: string, value: string, { domain, path, sameSite, secure, expires }: CookieAttributes): void => {
  document.cookie =
    `${name}=${encodeURIComponent(value)}` +
    (expires ? `; expires=${expires.toUTCString()}` : '') +
    (domain ? `; domain=${domain}` : '') +
    (path ? `; path=${path}` : '') +
    (sameSite ? `; samesite=${sameSite}` : '') +
    (secure ? '; secure' : '');
};

/** Delete one cookie set with these domain and path (a cookie is only removed by a write with its own). */
export const removeCookie = (name: string, attributes: CookieAttributes): void =>
  writeCookie(name, '', { ...attributes, expires: new Date(0) });
