// dist/config.schema.json (`consentry/config.schema.json`): the JSON Schema of the config
// block, generated from the `ConsentConfig` type and its TSDoc, so the type, the schema and
// the editor's hints cannot drift apart. Not committed: dist/ is built by `npm start` and
// `npm run build`, and the package ships it, so every path an editor uses points into dist/.
// Runs after rollup: the catalog's ids come from the built catalog.
import { mkdirSync, writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { createGenerator } from 'ts-json-schema-generator';

const schema = createGenerator({
  path: 'src/core/types.ts',
  tsconfig: 'tsconfig.json',
  type: 'ConsentConfig',
  jsDoc: 'extended',
  // Unknown keys are errors at run time (a typo must not be ignored), so the schema says so too.
  additionalProperties: false,
  skipTypeCheck: true, // `tsc --noEmit` checks the sources; this reads the types only
}).createSchema('ConsentConfig');
const { definitions } = schema;

// Draft-07 ignores every keyword beside a `$ref`: where a property adds a constraint to a named
// type (`category` of at least one character), the named type is written in place.
const inlineRefs = (node) => {
  if (Array.isArray(node)) return node.forEach(inlineRefs);
  if (!node || typeof node != 'object') return;
  const { $ref, ...rest } = node;
  if ($ref && Object.keys(rest).some((k) => k != 'description')) {
    delete node.$ref;
    Object.assign(node, definitions[$ref.replace('#/definitions/', '')], rest);
  }
  Object.values(node).forEach(inlineRefs);
};
inlineRefs(definitions);

// The type cannot list the catalog (an npm user passes it, or not, at run time), but a JSON
// config always runs with the built-in one: its ids are known, which gives editors completion
// and lets the schema ask the site's own services for what the run-time check asks.
const { catalog } = await import(pathToFileURL('dist/esm/services/index.js').href);
const ids = catalog.map((s) => s.id).sort();
const list = definitions.ConsentConfig.properties.services.anyOf.find((s) => s.type == 'array');
list.items = { type: 'string', enum: ids, description: 'A service of the built-in catalog.' };
const byId = definitions.ServicesConfig;
definitions.CatalogService = {
  ...byId.additionalProperties,
  description: 'A service of the built-in catalog: `true`, or overrides of its fields.',
};
byId.properties = Object.fromEntries(ids.map((id) => [id, { $ref: '#/definitions/CatalogService' }]));
byId.additionalProperties = {
  allOf: [
    { $ref: '#/definitions/ServiceConfig' },
    { type: 'object', required: ['category', 'label'], properties: { label: { not: { const: '' } } } },
  ],
  description: "The site's own service: `category` and `label` are required.",
};

// Named types that every property now writes in place.
for (const name of Object.keys(definitions))
  if (!JSON.stringify(schema).includes(`"#/definitions/${name}"`)) delete definitions[name];

mkdirSync('dist', { recursive: true });
writeFileSync(
  'dist/config.schema.json',
  `${JSON.stringify({ $schema: schema.$schema, $id: 'consentry/config.schema.json', title: 'consentry config', ...schema }, null, 2)}\n`,
);
