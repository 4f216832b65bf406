// `consentry build`: the site build (docs/guide/install.md "Site build"). The site's config is checked here,
// once, instead of in every visitor's browser, and resolved with the catalog entries it names
// into the head script: the checker and the 52-service catalog stay out of the file every page
// downloads (a returning visitor ≤ 7 KB brotli: docs/decisions/2026-12-02-site-build.md). The other parts are the
// browser package's own files, copied beside it: they are the same for every site.
import { copyFile, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { catalog } from 'consentry/services';
import type { ConsentConfig } from 'consentry';
import { resolveConfig } from 'consentry/shared';

/** The installed browser package's dist folder: the site files are built there, not here. */
const DIST = join(dirname(createRequire(import.meta.url).resolve('consentry/package.json')), 'dist');
/** The site head script's template and the placeholder it holds once (src/entries/site-head.ts). */
const TEMPLATE = 'site/consentry.gatekeeper.js';
const PLACEHOLDER = /(["'])__CONSENTRY_SITE_CONFIG__\1/g;
/** The parts the head script loads from beside itself (src/core/ui-loader.ts, lazy-parts.script.ts). */
const PARTS = [
  'consentry.banner.js',
  'consentry.ui.js',
  'consentry.receipts.js',
  'consentry.regions.js',
  'consentry.gpp.js',
];

/** `text` as a single-quoted JavaScript string literal. */
const jsString = (text: string): string =>
  `'${text
    .replace(/[\\']/g, '\\$&')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029')}'`;

/**
 * The site's head script: the template with `config` (checked and resolved; throws the
 * ConfigError naming the bad key) written in. `template` is the template's text.
 */
export const siteHeadScript = (config: ConsentConfig, template: string, region?: string): string => {
  const resolved = { ...resolveConfig(config, catalog), ...(region && { region }) };
  const places = template.match(PLACEHOLDER)?.length ?? 0;
  if (places != 1)
    throw new Error(`${TEMPLATE} holds the config placeholder ${places} times, not once: reinstall consentry`);
  return template
    .replace(PLACEHOLDER, () => jsString(JSON.stringify(resolved)))
    .replace(/\n\/\/# sourceMappingURL=\S+\s*$/, '\n'); // the template's source map does not fit the filled-in file
};

/**
 * Write the site build into `out`: consentry.gatekeeper.js with `config` in it, the parts
 * beside it and the locale files in `i18n/`; `region` bakes in the visitor's region for a
 * per-market output. Returns the paths written, relative to `out`.
 */
export const buildSite = async (config: ConsentConfig, out: string, region?: string): Promise<string[]> => {
  const head = siteHeadScript(config, await readFile(join(DIST, TEMPLATE), 'utf8'), region);
  const locales = (await readdir(join(DIST, 'i18n'))).filter((f) => f.endsWith('.js')).map((f) => `i18n/${f}`);
  await mkdir(join(out, 'i18n'), { recursive: true });
  await writeFile(join(out, 'consentry.gatekeeper.js'), head);
  for (const file of [...PARTS, ...locales]) await copyFile(join(DIST, file), join(out, file));
  return ['consentry.gatekeeper.js', ...PARTS, ...locales];
};
