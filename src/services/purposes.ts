// The purpose vocabulary of the catalog: each service's purpose is one of these keys, and every
// locale translates each once (`purpose.<key>` in src/ui/i18n/<tag>.ts), so a German dialog
// never reads an English catalog sentence. A site's own text (`services.<id>.purpose`) wins.

/** The purposes catalog services name, one short translated sentence each. */
export type PurposeKey =
  | 'measure-visits'
  | 'count-visits'
  | 'measure-usage'
  | 'record-visits'
  | 'collect-events'
  | 'report-errors'
  | 'load-tags'
  | 'ads-serve'
  | 'ads-retarget'
  | 'ads-conversions'
  | 'ads-audiences'
  | 'ads-measure'
  | 'recommend-content'
  | 'link-contacts'
  | 'chat-support'
  | 'embed-video'
  | 'embed-audio'
  | 'embed-map'
  | 'book-appointments'
  | 'protect-forms'
  | 'payments'
  | 'social-features';

/** Each purpose in English as locale texts (`purpose.<key>`), spread into src/ui/i18n/en.ts; the other locales translate the same keys. */
export const purposeTexts: Readonly<Record<`purpose.${PurposeKey}`, string>> = {
  'purpose.measure-visits': 'Measures visits and how the site is used.',
  'purpose.count-visits': 'Counts visits without cookies.',
  'purpose.measure-usage': 'Measures how the site and its features are used.',
  'purpose.record-visits': 'Records visits to show how pages are used.',
  'purpose.collect-events': 'Collects usage events and forwards them to the site’s tools.',
  'purpose.report-errors': 'Reports errors so they can be fixed.',
  'purpose.load-tags': 'Loads the site’s measurement and marketing tags.',
  'purpose.ads-serve': 'Shows ads and measures their results.',
  'purpose.ads-retarget': 'Shows ads for products you viewed on the site.',
  'purpose.ads-conversions': 'Measures ad conversions and shows ads to past visitors.',
  'purpose.ads-audiences': 'Measures ad results and builds audiences.',
  'purpose.ads-measure': 'Measures ad results.',
  'purpose.recommend-content': 'Recommends sponsored and related content.',
  'purpose.link-contacts': 'Links visits to contacts for marketing and sales.',
  'purpose.chat-support': 'Provides the chat window for support.',
  'purpose.embed-video': 'Plays embedded videos.',
  'purpose.embed-audio': 'Plays embedded music, audio and podcasts.',
  'purpose.embed-map': 'Shows embedded maps.',
  'purpose.book-appointments': 'Lets you book an appointment.',
  'purpose.protect-forms': 'Checks that forms are sent by a person, not a bot.',
  'purpose.payments': 'Processes payments and prevents fraud.',
  'purpose.social-features': 'Shows share buttons and other social features.',
};
