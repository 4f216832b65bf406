// dist/services.json: the built-in catalog as data, for CMS plugins and for `consentry scan`
// (docs/reference/catalog.md): an array of { ...blocking, ...info } in catalog order. The TypeScript
// modules are the one source; they are bundled in memory and evaluated here, never copied.
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { runInNewContext } from 'node:vm';
import { build } from 'esbuild';

/** Every locale file but English: src/ui/i18n/<tag>.ts. */
const localeTags = readdirSync('src/ui/i18n')
  .filter((f) => /^[a-z]{2,3}(-[A-Z][A-Za-z]+)?\.ts$/.test(f) && f != 'en.ts')
  .map((f) => f.slice(0, -3));

/** Bundle the catalog's two entry modules into one IIFE and return what it exports. */
const loadCatalog = async () => {
  const { outputFiles } = await build({
    stdin: {
      // The locale files too: a catalog purpose is a key of their vocabulary (src/services/purposes.ts).
      contents:
        "export { catalog } from './src/services/index.ts'; export { catalogInfo } from './src/services/info.ts'; export { purposeTexts } from './src/services/purposes.ts';" +
        `export const locales = { ${localeTags.map((tag, i) => `'${tag}': l${i}`).join(', ')} };` +
        localeTags.map((tag, i) => `import l${i} from './src/ui/i18n/${tag}.ts';`).join(''),
      resolveDir: process.cwd(),
      loader: 'ts',
    },
    bundle: true,
    format: 'iife',
    globalName: 'consentryCatalog',
    platform: 'neutral',
    write: false,
    logLevel: 'warning',
  });
  const sandbox = {};
  runInNewContext(outputFiles[0].text, sandbox);
  // Through JSON: plain data of this realm, and anything JSON cannot carry would show up as missing.
  return JSON.parse(JSON.stringify(sandbox.consentryCatalog));
};

/** Every catalog entry with its display data; fails naming the id whose display data is missing. */
export const servicesJson = async () => {
  const { catalog, catalogInfo, purposeTexts, locales } = await loadCatalog();
  return catalog.map((blocking) => {
    const info = catalogInfo[blocking.id];
    if (!info) throw new Error(`consentry: src/services/info.ts has no display data for "${blocking.id}"`);
    // The purpose key, and its text in every shipped locale (what the banner shows).
    const key = `purpose.${info.purpose}`;
    const purpose = {
      en: purposeTexts[key],
      ...Object.fromEntries(Object.entries(locales).map(([tag, texts]) => [tag, texts[key]])),
    };
    return { ...blocking, ...info, purposeKey: info.purpose, purpose };
  });
};

if (import.meta.url === `file://${process.argv[1]}`) {
  const services = await servicesJson();
  mkdirSync('dist', { recursive: true });
  writeFileSync('dist/services.json', `${JSON.stringify(services, null, 2)}\n`);
  console.log(`dist/services.json: ${services.length} services`);
}
