import { NECESSARY, choicesFor } from '../core/categories.js';
import type { Integration } from '../core/integration.js';
import type { CategoryKey, ConsentModeSignal, ResolvedService } from '../core/types.js';

declare global {
  interface Window {
    /** Google's tag-manager data layer. */
    dataLayer?: unknown[];
    /** Google's tag function (gtag.js snippet). */
    gtag?: (...args: unknown[]) => void;
  }
}

/**
 * Consent Mode v2 signal → the consentry category that grants it: every signal a service may
 * declare (CONSENT_MODE_SIGNALS in src/core/formats.ts; the type makes a missing one an error),
 * plus `security_storage`, which maps to `necessary` and so is always granted.
 */
export const SIGNAL_CATEGORIES: Readonly<Record<ConsentModeSignal | 'security_storage', CategoryKey>> = {
  ad_storage: 'advertising',
  ad_user_data: 'advertising',
  ad_personalization: 'advertising',
  analytics_storage: 'analytics',
  functionality_storage: 'identity',
  personalization_storage: 'identity',
  security_storage: NECESSARY,
};

/**
 * The Consent Mode state for a `granted` test: `{ ad_storage: 'denied', … }`. A signal that
 * configured services declare (Google Ads: ad_storage …) is granted while every one of them
 * is, so allowing Google Analytics alone grants analytics_storage and nothing else; a signal
 * no service declares follows its category.
 */
export const consentModeState = (
  granted: (key: string) => boolean,
  services: ResolvedService[] = [],
): Record<string, string> => {
  const state: Record<string, string> = {};
  for (const signal in SIGNAL_CATEGORIES) {
    const ids = services.filter((s) => s.consentMode.includes(signal as ConsentModeSignal)).map((s) => s.id);
    state[signal] = (ids[0] ? ids.every(granted) : granted(SIGNAL_CATEGORIES[signal as keyof typeof SIGNAL_CATEGORIES]))
      ? 'granted'
      : 'denied';
  }
  return state;
};

/**
 * Google Consent Mode v2 as an engine integration, on when `config.googleConsentMode` is set.
 * At the engine's start, before any tag runs: define `gtag` if the page has not (exactly as
 * Google's snippet: it pushes its Arguments object, which gtag.js and GTM expect), push
 * `consent default` (everything denied but security_storage) and the optional `set` flags.
 * Before every release (Consent Mode: update on every page load with a choice, and on every
 * change): `consent update` and a `consentry_update` dataLayer event for GTM triggers.
 */
export const consentMode = (): Integration => ({
  _start: (api) => {
    const options = api.config.googleConsentMode;
    if (!options) return;
    const w = window;
    w.dataLayer ||= [];
    // A function, not an arrow: gtag must push `arguments`, not an array.
    const gtag = (w.gtag ||= function () {
      w.dataLayer!.push(arguments);
    });
    const { wait_for_update = 500, region } = options;
    gtag('consent', 'default', {
      ...consentModeState((c) => c == NECESSARY),
      wait_for_update,
      ...(region && { region }),
    });
    for (const flag of ['ads_data_redaction', 'url_passthrough'] as const)
      if (options[flag] != null) gtag('set', flag, options[flag]);
    const { granted } = api; // the engine's methods need no `this`
    return {
      _beforeRelease: () => {
        const { services } = api.config;
        gtag('consent', 'update', consentModeState(granted, services));
        w.dataLayer!.push({
          event: 'consentry_update',
          consentry: {
            ...choicesFor(api.config, granted),
            ...Object.fromEntries(services.map((s) => [s.id, granted(s.id)])),
          },
        });
      },
    };
  },
});
