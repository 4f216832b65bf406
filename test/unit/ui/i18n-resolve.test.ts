import { expect } from '@open-wc/testing';
import { resolveLocale } from '../../../src/ui/i18n/resolve.js';
import { LOCALE_TAGS, dirOf } from '../../../src/ui/i18n/tags.js';

// The resolution table (docs/guide/languages.md "How the language is chosen"), against the 40 shipped locales.
const TABLE: Array<[string, string]> = [
  ['zh-TW', 'zh-TW'],
  ['zh-HK', 'zh-TW'],
  ['zh-MO', 'zh-TW'],
  ['zh-Hant', 'zh-TW'],
  ['zh-Hant-TW', 'zh-TW'],
  ['zh-Hant-HK', 'zh-TW'],
  ['zh-Hant-CN', 'zh-TW'],
  ['zh-CN', 'zh-CN'],
  ['zh-SG', 'zh-CN'],
  ['zh-Hans', 'zh-CN'],
  ['zh-Hans-CN', 'zh-CN'],
  ['zh-Hans-HK', 'zh-CN'],
  ['zh', 'zh-CN'],
  ['ZH-cn', 'zh-CN'],
  ['zh-hant-hk', 'zh-TW'],
  ['nn', 'nb'],
  ['no', 'nb'],
  ['nb', 'nb'],
  ['nb-NO', 'nb'],
  ['nn-NO', 'nb'],
  ['no-NO', 'nb'],
  ['pt-PT', 'pt'],
  ['pt', 'pt'],
  ['pt-AO', 'pt'],
  ['pt-BR', 'pt-BR'],
  ['pt-br', 'pt-BR'],
  ['de-AT', 'de'],
  ['de-CH', 'de'],
  ['de', 'de'],
  ['es-MX', 'es'],
  ['es-419', 'es'],
  ['en-GB', 'en'],
  ['en-US', 'en'],
  ['fr-CA', 'fr'],
  ['iw', 'he'],
  ['he-IL', 'he'],
  ['in', 'id'],
  ['ar-EG', 'ar'],
  ['sr', 'en'],
  ['tlh', 'en'],
  ['x', 'en'],
  ['', 'en'],
  ['not a tag!', 'en'],
];

describe('resolveLocale', () => {
  for (const [wanted, found] of TABLE)
    it(`${wanted || '(empty)'} → ${found}`, () => expect(resolveLocale([wanted], LOCALE_TAGS)).to.equal(found));

  it('the first candidate a locale serves wins; one nothing serves gives way to the next', () => {
    expect(resolveLocale(['ja', 'de'], LOCALE_TAGS)).to.equal('ja');
    expect(resolveLocale(['tlh', undefined, 'zh-HK', 'de'], LOCALE_TAGS)).to.equal('zh-TW');
    expect(resolveLocale([undefined, '', 'eo'], LOCALE_TAGS)).to.equal('en');
  });

  it('never serves one Chinese script for the other', () => {
    expect(resolveLocale(['zh-TW'], ['en', 'zh-CN'])).to.equal('en');
    expect(resolveLocale(['zh-HK', 'fr'], ['en', 'zh-CN', 'fr'])).to.equal('fr');
    expect(resolveLocale(['zh-CN'], ['en', 'zh-TW'])).to.equal('en');
  });

  it('an exact locale a site adds wins over the general one; a region-only locale serves its language', () => {
    expect(resolveLocale(['de-CH'], [...LOCALE_TAGS, 'de-CH'])).to.equal('de-CH');
    expect(resolveLocale(['de-AT'], [...LOCALE_TAGS, 'de-CH'])).to.equal('de');
    expect(resolveLocale(['fr'], ['en', 'fr-CA'])).to.equal('fr-CA');
    expect(resolveLocale(['pt-PT'], ['en', 'pt-BR'])).to.equal('pt-BR');
  });

  it('dirOf: Arabic and Hebrew (and other RTL scripts) are rtl, the rest ltr', () => {
    expect(LOCALE_TAGS.filter((tag) => dirOf(tag) == 'rtl')).to.deep.equal(['ar', 'he']);
    expect(['fa', 'ur-PK', 'az-Arab', 'yi'].map(dirOf)).to.deep.equal(['rtl', 'rtl', 'rtl', 'rtl']);
  });
});
