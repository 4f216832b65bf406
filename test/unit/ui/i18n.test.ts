import { expect } from '@open-wc/testing';
import { resolveConfig } from '../../../src/core/config.js';
import { en } from '../../../src/ui/i18n/en.js';
import {
  counts,
  format,
  pickTexts,
  plural,
  registerLocale,
  useAllEnglish,
  useLocaleLoader,
  type Picked,
} from '../../../src/ui/i18n/index.js';
import { loadLocaleChunk } from '../../../src/ui/i18n/locale-chunks.js';
import zhCN from '../../../src/ui/i18n/zh-CN.js';
import zhTW from '../../../src/ui/i18n/zh-TW.js';

// The whole UI's English, as banner.ts makes it (the first-layer file alone carries only the bar's texts).
useAllEnglish(en);
// The npm build's locale loader, as consentry/banner registers it (the script-tag entries register locale-files.ts).
useLocaleLoader(loadLocaleChunk);

const withHtmlLang = <T>(lang: string, fn: () => T): T => {
  const before = document.documentElement.lang;
  document.documentElement.lang = lang;
  try {
    return fn();
  } finally {
    document.documentElement.lang = before;
  }
};

/** pickTexts answers at once when the texts are at hand, else with a promise of them. */
const picked = async (config: object, htmlLang = ''): Promise<Picked> =>
  withHtmlLang(htmlLang, () => pickTexts(resolveConfig(config)));

describe('i18n', () => {
  it('zh-CN has the default category labels of the README', () => {
    expect([
      zhCN['cat.necessary'],
      zhCN['cat.identity'],
      zhCN['cat.analytics'],
      zhCN['cat.advertising'],
      zhCN['cat.third_party'],
    ]).to.deep.equal(['必要', '身份识别', '统计分析', '广告优化', '第三方']);
    expect([
      en['cat.necessary'],
      en['cat.identity'],
      en['cat.analytics'],
      en['cat.advertising'],
      en['cat.third_party'],
    ]).to.deep.equal(['Strictly necessary', 'Remember me', 'Analytics', 'Ad optimization', 'Third-party']);
  });

  it('English is at hand: no fetch, an answer at once', () => {
    const result = withHtmlLang('en-GB', () => pickTexts(resolveConfig({})));
    expect(result).to.not.be.instanceOf(Promise);
    expect((result as Picked).lang).to.equal('en');
    expect((result as Picked).dir).to.equal('ltr');
  });

  it('config.language wins over <html lang>; another locale is fetched (an import() chunk here)', async () => {
    expect((await picked({ language: 'en' }, 'zh-CN')).lang).to.equal('en');
    const pending = withHtmlLang('zh-Hans-CN', () => pickTexts(resolveConfig({})));
    expect(pending).to.be.instanceOf(Promise);
    const { lang, t } = await pending;
    expect(lang).to.equal('zh-CN');
    expect(t.acceptAll).to.equal('全部接受');
  });

  it('Traditional Chinese readers get zh-TW, not the Simplified texts', async () => {
    for (const tag of ['zh-TW', 'zh-HK', 'zh-Hant']) {
      const { lang, t } = await picked({}, tag);
      expect(lang, tag).to.equal('zh-TW');
      expect(t.title, tag).to.equal(zhTW.title);
      expect(t.title, tag).to.not.equal(zhCN.title);
    }
  });

  it('without config.language or <html lang> it follows navigator.languages, then English', async () => {
    const first = navigator.languages[0] ?? 'en';
    const expected = first.toLowerCase().startsWith('en') ? 'en' : undefined;
    const { lang } = await picked({}, '');
    if (expected) expect(lang).to.equal(expected);
    expect((await picked({ language: 'tlh' }, 'xx')).lang).to.equal(lang);
  });

  it('config.translations override single strings and can add a locale; missing keys fall back to English', async () => {
    const config = { translations: { eo: { acceptAll: 'Akcepti ĉion' }, en: { title: 'Cookies?' } } };
    const { lang, t } = await picked(config, 'eo');
    expect(lang).to.equal('eo');
    expect(t.acceptAll).to.equal('Akcepti ĉion');
    expect(t.rejectAll).to.equal('Reject all');
    expect((await picked({ language: 'en', ...config })).t.title).to.equal('Cookies?');
    // On top of a fetched locale too.
    const zh = await picked({ language: 'zh-CN', translations: { 'zh-CN': { title: '隐私' } } });
    expect([zh.t.title, zh.t.rejectAll]).to.deep.equal(['隐私', '全部拒绝']);
  });

  it('registerLocale adds a locale module: used at once, without a fetch, for its region variants too', () => {
    registerLocale('de', { acceptAll: 'Alle akzeptieren' });
    const result = pickTexts(resolveConfig({ language: 'de-AT' }));
    expect(result).to.not.be.instanceOf(Promise);
    const { lang, t } = result as Picked;
    expect(lang).to.equal('de');
    expect(t.acceptAll).to.equal('Alle akzeptieren');
    expect(t.customize).to.equal('Customize');
  });

  it('a locale <script> that already ran (window.consentryLocales) is used without a fetch', () => {
    window.consentryLocales = { ...window.consentryLocales, ko: { title: '개인정보' } };
    try {
      const result = pickTexts(resolveConfig({ language: 'ko-KR' })) as Picked;
      expect([result.lang, result.t.title]).to.deep.equal(['ko', '개인정보']);
    } finally {
      delete window.consentryLocales!.ko;
    }
  });

  it('Arabic and Hebrew are right to left', async () => {
    registerLocale('ar', {});
    registerLocale('he', {});
    expect([(await picked({ language: 'ar-EG' })).dir, (await picked({ language: 'iw' })).dir]).to.deep.equal([
      'rtl',
      'rtl',
    ]);
  });

  it('plural picks the Intl.PluralRules form of the texts’ language', async () => {
    const { t } = await picked({ language: 'en' });
    expect([0, 1, 2].map((n) => plural(t, 'services', n))).to.deep.equal(['0 services', '1 service', '2 services']);
    expect(plural(t, 'cookies', 1)).to.equal('1 cookie');
    const zh = await picked({ language: 'zh-CN' });
    expect([1, 3].map((n) => plural(zh.t, 'services', n))).to.deep.equal(['1 项服务', '3 项服务']);
    registerLocale('ru', {
      'services#one': '{0} сервис',
      'services#few': '{0} сервиса',
      'services#many': '{0} сервисов',
      'services#other': '{0} сервиса',
    });
    const ru = await picked({ language: 'ru' });
    expect([1, 3, 5, 21].map((n) => plural(ru.t, 'services', n))).to.deep.equal([
      '1 сервис',
      '3 сервиса',
      '5 сервисов',
      '21 сервис',
    ]);
  });

  it('counts joins plural counts as the language joins a list, zeros left out', async () => {
    const { t } = await picked({ language: 'en' });
    expect(counts(t, { services: 1, cookies: 2 })).to.equal('1 service, 2 cookies');
    expect(counts(t, { services: 0, cookies: 1 })).to.equal('1 cookie');
    const ja = await picked({ language: 'ja' });
    expect(counts(ja.t, { services: 2, cookies: 3 })).to.equal(
      `${ja.t['services#other'].replace('{0}', '2')}、${ja.t['cookies#other'].replace('{0}', '3')}`,
    );
  });

  it('format fills numbered slots', () => {
    expect(format(en.embed, 'YouTube', 'Third-party')).to.equal(
      'This content is provided by YouTube and may set cookies (Third-party).',
    );
    expect(format(zhCN.embed, 'YouTube', '第三方')).to.equal(
      '此内容由 YouTube 提供，可能会设置 Cookie（类别：第三方）。',
    );
  });
});
