// Pages shared by the banner specs: a small shop page with tagged scripts, an embed and a footer link.
import { html, type Servers } from './fixtures.js';

/** A realistic config: privacy policy, the site's own services (one per category) and a category's cookies. */
export const bannerConfig = (extra: object = {}) => ({
  privacyPolicyUrl: '/privacy',
  reloadOnWithdraw: false,
  categories: {
    analytics: { cookies: [{ name: '_tr_a', retention: '2 years', description: 'Distinguishes visitors' }] },
  },
  services: {
    'tracker-analytics': {
      category: 'analytics',
      label: 'Tracker Analytics',
      vendor: 'Tracker Inc.',
      purpose: 'Visit statistics',
      retention: '2 years',
    },
    'ads-network': { category: 'advertising', label: 'Ads Network', vendor: 'Ads Co.' },
  },
  ...extra,
});

/** The shop page using the full bundle (or `bundle`), with a footer reopen link. */
export const shopPage = (
  servers: Servers,
  {
    config = bannerConfig(),
    lang = 'en',
    bundle = 'consentry.js',
    body = '',
  }: { config?: object; lang?: string; bundle?: string | null; body?: string } = {},
) =>
  html({
    config,
    lang,
    bundle,
    head: `<meta name="viewport" content="width=device-width, initial-scale=1">
      <script type="text/plain" data-consent="analytics" src="${servers.tracker}/a.js"></script>
      <script type="text/plain" data-consent="advertising" src="${servers.tracker}/b.js"></script>`,
    body: `<header><h1>Tea shop</h1></header><main><p>Fine teas from Hangzhou and Darjeeling.</p>
      <button id="before">Before</button>
      <iframe data-consent="third_party" data-consent-provider="YouTube" data-src="${servers.origin('video.tracker.test')}/embed.html" title="Tea video" width="400" height="225"></iframe>
      ${body}</main>
      <footer><a id="prefs" href="#consentry-preferences">Privacy preferences</a></footer>`,
  });
