import Cookies from 'js-cookie';
import { warn } from './store.js';
import type { CategoryKey, ResolvedConfig } from './types.js';

/**
 * Every domain a cookie visible here could have been set on: host-only (undefined), the
 * configured one, the host and each parent domain, with and without the leading dot
 * (RFC 6265 §5.2.3 ignores the dot, old scripts still write it).
 */
export const domainVariants = (hostname: string, extra?: string): Array<string | undefined> => [
  ...new Set([
    undefined,
    extra,
    ...hostname.split('.').flatMap((_, i, a) => [a.slice(i).join('.'), `.${a.slice(i).join('.')}`]),
  ]),
];

/**
 * Every path a cookie visible here could have been set on: `/`, the configured one, and each
 * prefix of the current path with and without its trailing slash (RFC 6265 §5.1.4 path-match).
 */
export const pathVariants = (pathname: string, extra = '/'): string[] => [
  ...new Set([
    '/',
    extra,
    ...pathname
      .replace(/\/$/, '')
      .split('/')
      .flatMap((_, i, a) => [a.slice(0, i + 1).join('/') || '/', `${a.slice(0, i + 1).join('/')}/`]),
  ]),
];

/**
 * The cookie names a spec covers: an exact name as given (it may live on a path not visible
 * from here), a `*` pattern as the visible `names` it matches (`*` = any run of characters).
 */
export const matchingNames = (pattern: string, names: string[]): string[] => {
  if (!pattern.includes('*')) return [pattern];
  const re = new RegExp(`^${pattern.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*')}$`);
  return names.filter((n) => re.test(n));
};

/**
 * Delete the listed cookies of every category and service `granted` refuses, on every domain and path
 * variant that could hold them (a cookie is only removed by a write with its own domain and
 * path). HttpOnly cookies are out of reach of any script; the site's server must clear those.
 */
export const deleteCookiesOf = (config: ResolvedConfig, granted: (category: CategoryKey) => boolean): void => {
  try {
    const refused = [...config.categories, ...config.services.map((s) => ({ key: s.id, cookies: s.cookies }))].filter(
      (c) => c.cookies[0] && !granted(c.key),
    );
    // Nothing listed for what is refused (the default config): no cookie read (a sync IPC) at all.
    if (!refused[0]) return;
    const names = Object.keys(Cookies.get());
    const { hostname, pathname } = location;
    // A pattern (`c*`) never covers the consent record itself.
    for (const { cookies } of refused)
      for (const spec of cookies)
        for (const name of matchingNames(spec.name, names).filter((n) => n != config.cookie.name))
          for (const domain of domainVariants(hostname, spec.domain))
            for (const path of pathVariants(pathname, spec.path)) Cookies.remove(name, { domain, path });
  } catch (error) {
    warn('cannot delete refused cookies', error);
  }
};
