import { guardRules, hostMatches } from '../core/rules.js';
import type { ConsentApi } from '../core/types.js';

/** Development hosts: the only ones where the check below runs. */
const DEV_HOST = /^(localhost|127\.0\.0\.1|\[::1\])$|\.(localhost|local|test)$/;

/**
 * In development only, warn once when a request to a ruled or configured service's host went
 * out before any choice: an untagged static `<img src>`, `<script src>` or `<iframe src>` that
 * the browser's preload scanner fetched before the head script ran (it cannot be held; only
 * tagging the HTML helps). Here, not in the head script: that one has no bytes to spare, and
 * this one loads on every visit without a choice, the visits where such a request leaks.
 */
export const warnStaticLeaks = (api: ConsentApi): void => {
  if (!DEV_HOST.test(location.hostname)) return;
  const check = () => {
    const rules = guardRules(api.config);
    // A request the gatekeeper held never went out: what is in Resource Timing went out.
    const leak = performance.getEntriesByType('resource').find(({ name }) => {
      const { hostname, pathname } = new URL(name);
      return rules.some(
        ({ category, hosts, paths }) =>
          hosts.some((host) => hostMatches(host, hostname)) &&
          (!paths?.length || paths.some((path) => pathname.startsWith(path))) &&
          !category.split('|').some((key) => api.granted(key)),
      );
    });
    if (leak)
      console.warn(
        `consentry: ${leak.name} was requested before consentry could hold it (static HTML). Tag it: npx consentry tag --write <file>, see docs/guide/tagging.md`,
      );
  };
  document.readyState == 'complete' ? check() : addEventListener('load', check, { once: true });
};
