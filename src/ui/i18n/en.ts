import { purposeTexts } from '../../services/purposes.js';

/**
 * English texts, also the fallback for every key another locale leaves out. Every key can be
 * overridden per locale from `config.translations`. `{0}`/`{1}` are filled in as text.
 * Counts: `<key>#<plural category>` keys, one per category `Intl.PluralRules` gives the
 * locale (English: `#one`, `#other`; Arabic has six), `{0}` is the number.
 */
/** The first layer's texts (all that first-layer.ts shows: what a first visit downloads). */
export const enBar = {
  title: 'We value your privacy',
  text: 'We use cookies and similar technologies such as web beacons to run this site, remember you, measure visits and personalize ads. Optional ones stay off until you allow them. You can change your choice at any time.',
  changed: 'Our privacy policy has changed, so please review your choices.',
  policy: 'Privacy policy',
  acceptAll: 'Accept all',
  rejectAll: 'Reject all',
  customize: 'Customize',
  optOutTitle: 'Your privacy choices',
  optOutText:
    'We and our partners use cookies and similar technologies for analytics and personalized ads, which some US state laws treat as “selling” or “sharing” personal information. You can opt out at any time.',
  ok: 'OK',
  optOut: 'Do not sell or share my personal information',
  minors: 'Under 18? Please make this choice with a parent or guardian.',
  separate: 'Sensitive uses are asked apart, by their own switch under Customize.',
};

/** Every English text: the first layer's, then the dialog's, the service list's and the placeholders'. */
export const en = {
  ...enBar,
  prefsTitle: 'Privacy preferences',
  prefsText: 'Choose what we may use. Strictly necessary cookies are always on: the site cannot work without them.',
  gpc: 'Your browser’s Global Privacy Control signal switched off: {0}. You can still switch them on.',
  save: 'Save choices',
  close: 'Close',
  saved: 'Your choices are saved',
  details: 'Services and cookies',
  'services#one': '{0} service',
  'services#other': '{0} services',
  'cookies#one': '{0} cookie',
  'cookies#other': '{0} cookies',
  cookie: 'Cookie',
  purpose: 'Purpose',
  retention: 'Retention',
  vendor: 'Provider',
  colon: ': ',
  servicePolicy: 'Privacy policy of {0}',
  vendorCookies: 'Set on the provider’s own domain (only the provider can delete them): {0}',
  alwaysOn: 'Always on',
  mixed: 'Some services allowed',
  embed: 'This content is provided by {0} and may set cookies ({1}).',
  loadOnce: 'Load once',
  allowAlways: 'Always allow {0}',
  'cat.necessary': 'Strictly necessary',
  'desc.necessary': 'Needed for the site to work and to remember your privacy choices.',
  'cat.identity': 'Remember me',
  'desc.identity': 'Remembers your login, language and other preferences.',
  'cat.analytics': 'Analytics',
  'desc.analytics': 'Counts visits and measures how the site is used, so we can improve it.',
  'cat.advertising': 'Ad optimization',
  'desc.advertising': 'Personalizes ads and measures how well they work.',
  'cat.third_party': 'Third-party',
  'desc.third_party':
    'Lets third-party advertisers and embedded content such as videos and maps set their own cookies and beacons.',
  // The catalog's purposes (src/services/*.ts name a key; in English from purposes.ts) and retention periods (Intl fills {0}: "2 years").
  ...purposeTexts,
  retentionUpTo: 'Up to {0}',
  retentionSession: 'Session',
  separateSwitch: 'Asked separately: “Accept all” does not include it.',
  'unlocks.geolocation': 'Lets the site ask your browser for your location.',
  'unlocks.notifications': 'Lets the site ask to show you notifications.',
  'unlocks.push': 'Lets the site ask to send you push messages.',
};

/** The keys every locale may translate. */
export type Texts = { [K in keyof typeof en]: string };

/** A complete locale: every key of English, plural keys (`#one`, `#other`) as its own plural categories need. */
export type Locale = Omit<Texts, `${string}#${string}`> & Record<`${string}#${string}`, string>;
