// dist/services.json: the built-in catalog as data, for CMS plugins and for `consentry scan`
// (docs/reference/catalog.md): an array of { ...blocking, ...info } in catalog order. The TypeScript
// modules are the one source; they are bundled in memory and evaluated here, never copied.
import { mkdirSync, writeFileSync } from 'node:fs';
import { runInNewContext } from 'node:vm';
import { build } from 'esbuild';

/** Bundle the catalog's two entry modules into one IIFE and return what it exports. */
const loadCatalog = async () => {
  const { outputFiles } = await build({
    stdin: {
      contents: "export { catalog } from './src/services/index.ts'; export { catalogInfo } from './src/services/info.ts';",
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
  const { catalog, catalogInfo } = await loadCatalog();
  return catalog.map((blocking) => {
    const info = catalogInfo[blocking.id];
    if (!info) throw new Error(`consentry: src/services/info.ts has no display data for "${blocking.id}"`);
    return { ...blocking, ...info };
  });
};

if (import.meta.url === `file://${process.argv[1]}`) {
  const services = await servicesJson();
  mkdirSync('dist', { recursive: true });
  writeFileSync('dist/services.json', `${JSON.stringify(services, null, 2)}\n`);
  console.log(`dist/services.json: ${services.length} services`);
}
