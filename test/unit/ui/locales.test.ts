import { expect } from '@open-wc/testing';
import { en } from '../../../src/ui/i18n/en.js';
import { loadLocaleChunk as loadLocale } from '../../../src/ui/i18n/locale-chunks.js';
import { LOCALE_TAGS } from '../../../src/ui/i18n/tags.js';

// Every shipped locale is complete and is data (Lit's locale files are the
// model): exactly English's keys, plural keys for exactly the categories Intl.PluralRules gives
// the locale, the same {0}/{1} slots, no empty text, no markup, accept and reject parallel.

const isPlural = (key: string) => key.includes('#');
const pluralBases = [
  ...new Set(
    Object.keys(en)
      .filter(isPlural)
      .map((k) => k.split('#')[0]),
  ),
];
const slots = (text: string) => [...new Set(text.match(/\{\d\}/g) ?? [])].sort();
/** English's text for a key, a plural key compared with English's `#other`. */
const english = (key: string) => (en as Record<string, string>)[isPlural(key) ? `${key.split('#')[0]}#other` : key];

describe('locale files', () => {
  it('the shipped list is the 40 shipped locales', () => {
    expect(LOCALE_TAGS).to.have.length(40);
    expect(new Set(LOCALE_TAGS).size).to.equal(40);
  });

  for (const tag of LOCALE_TAGS.filter((t) => t != 'en'))
    describe(tag, () => {
      let texts: Record<string, string>;
      before(async () => {
        texts = (await loadLocale(tag)) as Record<string, string>;
      });

      it('has exactly English’s keys, and a plural key per Intl.PluralRules category', () => {
        const categories = new Intl.PluralRules(tag).resolvedOptions().pluralCategories;
        const expected = [
          ...Object.keys(en).filter((k) => !isPlural(k)),
          ...pluralBases.flatMap((base) => categories.map((c) => `${base}#${c}`)),
        ];
        expect(Object.keys(texts).sort()).to.deep.equal(expected.sort());
      });

      it('keeps English’s {0}/{1} slots in every text', () => {
        const wrong = Object.entries(texts).filter(([key, text]) => slots(text).join() != slots(english(key)).join());
        expect(wrong.map(([key, text]) => `${key}: ${text}`)).to.deep.equal([]);
      });

      it('has no empty text and no markup (texts are bound as text)', () => {
        const bad = Object.entries(texts).filter(
          ([, text]) => typeof text != 'string' || !text.trim() || /<|&(#\d+|#x[\da-f]+|[a-z]+);/i.test(text),
        );
        expect(bad.map(([key, text]) => `${key}: ${JSON.stringify(text)}`)).to.deep.equal([]);
      });

      it('accept and reject are parallel: both there, distinct, neither a “continue”/“OK” in disguise', () => {
        const { acceptAll, rejectAll, customize, save, ok } = texts;
        expect(acceptAll.trim()).to.not.equal('');
        expect(rejectAll.trim()).to.not.equal('');
        expect(
          new Set([acceptAll, rejectAll, customize, save]).size,
          'accept, reject, customize, save all differ',
        ).to.equal(4);
        expect([acceptAll, rejectAll]).to.not.include(ok);
        // Parallel wording is about as long; a reject three times longer than accept is a different kind of button.
        expect(rejectAll.length / acceptAll.length).to.be.within(1 / 3, 3);
      });

      it('is translated: the first layer differs from English', () => {
        expect(
          [texts.title, texts.text, texts.acceptAll].filter((t, i) => t == [en.title, en.text, en.acceptAll][i]),
        ).to.deep.equal([]);
      });
    });
});
