import { expect } from '@open-wc/testing';
import { resolveConfig } from '../../../src/core/config.js';
import { en } from '../../../src/ui/i18n/en.js';
import { format, pickTexts, registerLocale } from '../../../src/ui/i18n/index.js';
import { zhCN } from '../../../src/ui/i18n/zh-CN.js';

const withHtmlLang = <T>(lang: string, fn: () => T): T => {
  const before = document.documentElement.lang;
  document.documentElement.lang = lang;
  try {
    return fn();
  } finally {
    document.documentElement.lang = before;
  }
};

describe('i18n', () => {
  it('zh-CN translates every English key, with the default category labels of the README', () => {
    const singular = (keys: string[]) => keys.filter((k) => !k.includes('#')).sort();
    expect(singular(Object.keys(zhCN))).to.deep.equal(singular(Object.keys(en)));
    expect([zhCN['cat.necessary'], zhCN['cat.identity'], zhCN['cat.analytics'], zhCN['cat.advertising'], zhCN['cat.third_party']])
      .to.deep.equal(['必要', '身份识别', '统计分析', '广告优化', '第三方']);
    expect([en['cat.necessary'], en['cat.identity'], en['cat.analytics'], en['cat.advertising'], en['cat.third_party']])
      .to.deep.equal(['Strictly necessary', 'Remember me', 'Analytics', 'Ad optimization', 'Third-party']);
  });

  it('config.language wins over <html lang>', () => {
    withHtmlLang('zh-CN', () => {
      expect(pickTexts(resolveConfig({ language: 'en' })).lang).to.equal('en');
      expect(pickTexts(resolveConfig({})).t.acceptAll).to.equal('全部接受');
    });
  });

  it('matches a shared base language: zh-Hans-CN and zh find zh-CN, en-GB finds en', () => {
    for (const tag of ['zh-Hans-CN', 'zh', 'ZH-cn']) expect(withHtmlLang(tag, () => pickTexts(resolveConfig({})).lang)).to.equal('zh-CN');
    expect(withHtmlLang('en-GB', () => pickTexts(resolveConfig({})).lang)).to.equal('en');
  });

  it('without config.language or <html lang> it follows navigator.languages, then English', () => {
    const expected = navigator.languages.some((l) => l.toLowerCase().startsWith('zh')) ? 'zh-CN' : 'en';
    expect(withHtmlLang('', () => pickTexts(resolveConfig({})).lang)).to.equal(expected);
    expect(withHtmlLang('xx', () => pickTexts(resolveConfig({ language: 'tlh' })).lang)).to.equal(expected);
  });

  it('config.translations override single strings and can add a locale; missing keys fall back to English', () => {
    const { lang, t } = withHtmlLang('fr-CA', () => pickTexts(resolveConfig({ translations: { fr: { acceptAll: 'Tout accepter' }, en: { title: 'Cookies?' } } })));
    expect(lang).to.equal('fr');
    expect(t.acceptAll).to.equal('Tout accepter');
    expect(t.rejectAll).to.equal('Reject all');
    expect(pickTexts(resolveConfig({ language: 'en', translations: { en: { title: 'Cookies?' } } })).t.title).to.equal('Cookies?');
  });

  it('registerLocale adds a locale module', () => {
    registerLocale('de', { acceptAll: 'Alle akzeptieren' });
    const { lang, t } = pickTexts(resolveConfig({ language: 'de-AT' }));
    expect(lang).to.equal('de');
    expect(t.acceptAll).to.equal('Alle akzeptieren');
    expect(t.customize).to.equal('Customize');
  });

  it('format fills numbered slots', () => {
    expect(format(en.embed, 'YouTube', 'Third-party')).to.equal('This content is provided by YouTube and may set cookies (Third-party).');
    expect(format(zhCN.embed, 'YouTube', '第三方')).to.equal('此内容由 YouTube 提供，可能会设置 Cookie（类别：第三方）。');
  });
});
