import { defineConfig } from 'vitepress';
import { readFileSync } from 'node:fs';

const { version } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));

// Local search runs in the browser from an index written at build time: no service, works offline.
export default defineConfig({
  title: 'consentry',
  description: 'Cookie and web-beacon consent that actually holds: a synchronous gatekeeper and a Web Component banner.',
  lang: 'en',
  lastUpdated: false,
  head: [['link', { rel: 'icon', type: 'image/svg+xml', href: '/favicon.svg' }]],
  cleanUrls: false,
  themeConfig: {
    search: { provider: 'local' },
    nav: [
      { text: 'Guide', link: '/guide/' },
      { text: 'Reference', link: '/reference/config' },
      { text: 'Scanner', link: '/scanner' },
      { text: 'Receiver', link: '/receiver/' },
      { text: 'Decisions', link: '/decisions/' },
      { text: version, items: [{ text: 'Benchmarks', link: '/benchmarks' }, { text: 'Contributing', link: '/contributing' }] },
    ],
    sidebar: [
      {
        text: 'Guide',
        items: [
          { text: 'Quick start', link: '/guide/' },
          { text: 'Install and loading', link: '/guide/install' },
          { text: 'Packages', link: '/guide/packages' },
          { text: 'Tagging', link: '/guide/tagging' },
          { text: 'Blocking by URL', link: '/guide/blocking' },
          { text: 'Services', link: '/guide/services' },
          { text: 'The banner', link: '/guide/banner' },
          { text: 'Languages', link: '/guide/languages' },
          { text: 'Theming and accessibility', link: '/guide/theming' },
          { text: 'SPA frameworks', link: '/guide/spa' },
          { text: 'Stored consent and withdrawal', link: '/guide/consent' },
          { text: 'Google Consent Mode v2', link: '/guide/google-consent-mode' },
          { text: 'Global Privacy Control', link: '/guide/gpc' },
          { text: 'Regions, permissions and separate consent', link: '/guide/regions' },
          { text: 'Proof of consent (receipts)', link: '/guide/receipts' },
        ],
      },
      {
        text: 'Reference',
        items: [
          { text: 'Configuration', link: '/reference/config' },
          { text: 'API', link: '/reference/api' },
          { text: 'Events', link: '/reference/events' },
          { text: 'CSS parts and properties', link: '/reference/css' },
          { text: 'CLI', link: '/reference/cli' },
          { text: 'Service catalog', link: '/reference/catalog' },
        ],
      },
      { text: 'Scanner', items: [{ text: 'consentry scan and tag', link: '/scanner' }] },
      {
        text: 'Receiver (consent log)',
        items: [
          { text: 'Overview and options', link: '/receiver/' },
          { text: 'Deploy', link: '/receiver/deploy' },
          { text: 'HTTP API', link: '/receiver/api' },
          { text: 'Retention and durability', link: '/receiver/retention' },
          { text: 'Export for a regulator', link: '/receiver/export' },
          { text: 'Tamper evidence', link: '/receiver/tamper-evidence' },
        ],
      },
      {
        text: 'Project',
        items: [
          { text: 'Security and CSP', link: '/security' },
          { text: 'Benchmarks', link: '/benchmarks' },
          { text: 'Design decisions', link: '/decisions/' },
          { text: 'Contributing', link: '/contributing' },
        ],
      },
    ],
    outline: { level: [2, 3] },
    footer: { message: `MIT licensed · consentry ${version}` },
  },
});
