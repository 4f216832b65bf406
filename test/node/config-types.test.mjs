// The typed config, its JSON Schema and the run-time check tell a site owner the same thing:
// a misspelt key fails `tsc` (npm users), the editor (JSON config with "$schema") and the
// page (console error naming the key, safe state). Runs on the build (dist/).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import ts from 'typescript';
import { Ajv } from 'ajv';
import { CATEGORY_KEY_PATTERN, SERVICE_ID_PATTERN, resolveConfig } from 'consentry/shared';
import { catalog } from 'consentry/services';

const FIXTURES = 'test/fixtures/typed-config';
const schema = JSON.parse(readFileSync('dist/config.schema.json', 'utf8'));
const validate = new Ajv({ allErrors: true }).compile(schema);

/** Type-check `files` as an npm app would (the published types, through the package exports): diagnostics per file. */
const typeCheck = (files) => {
  const program = ts.createProgram(files, {
    strict: true,
    noEmit: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    lib: ['lib.es2022.d.ts', 'lib.dom.d.ts', 'lib.dom.iterable.d.ts'],
    resolveJsonModule: true,
    skipLibCheck: true,
    types: [],
  });
  return new Map(
    files.map((f) => [
      f,
      ts
        .getPreEmitDiagnostics(program, program.getSourceFile(f))
        .map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n')),
    ]),
  );
};

test('createConsent is typed: a misspelt key or a wrong value type is a compile error naming it; a full valid config compiles', () => {
  const expected = {
    'valid.ts': null,
    'misspelt-key.ts': /'revison' does not exist in type 'ConsentConfig'/,
    'misspelt-nested-key.ts': /'postion' does not exist in type 'UiOptions'/,
    'wrong-mode.ts': /'"optin"' is not assignable to type 'ConsentMode/,
    'wrong-lifetime.ts': /'string' is not assignable to type 'number'/,
    'necessary-dropped.ts': /Type 'false' has no properties in common with type 'CategoryConfig'/,
  };
  assert.deepEqual(readdirSync(FIXTURES).sort(), Object.keys(expected).sort(), 'every fixture has an expectation');
  const started = Date.now();
  const results = typeCheck(Object.keys(expected).map((f) => join(FIXTURES, f)));
  for (const [file, errors] of results) {
    const want = expected[file.split('/').pop()];
    if (!want) assert.deepEqual(errors, [], `${file} compiles`);
    else {
      assert.equal(errors.length, 1, `${file}: one error, got ${errors.join(' | ')}`);
      assert.match(errors[0], want, file);
    }
  }
  assert.ok(Date.now() - started < 20_000, 'the type check stays fast');
});

test('the SPA demo type-checks against the published types: its JSON config is a ConsentConfig', () => {
  const [errors] = typeCheck(['demo/spa/main.ts']).values();
  assert.deepEqual(errors, []);
});

/** Every config the demo uses: its JSON file (the pages' `{{CONFIG}}` and the SPA's import) and any inline block. */
const demoConfigs = () => {
  const configs = new Map([['demo/consentry.config.json', readFileSync('demo/consentry.config.json', 'utf8')]]);
  for (const file of readdirSync('demo').filter((f) => f.endsWith('.html'))) {
    const block = /<script type="application\/json" id="consentry-config">([\s\S]*?)<\/script>/.exec(
      readFileSync(join('demo', file), 'utf8'),
    )?.[1];
    if (block && block.trim() != '{{CONFIG}}') configs.set(`demo/${file}`, block);
  }
  const spaImport = /import config from '([^']+\.json)'/.exec(readFileSync('demo/spa/main.ts', 'utf8'))?.[1];
  assert.equal(
    spaImport && join('demo/spa', spaImport),
    'demo/consentry.config.json',
    'the SPA uses the same config file',
  );
  return configs;
};

test('the schema is the shipped one (consentry/config.schema.json) and every demo config validates against it and names it', async () => {
  const { default: exported } = await import('consentry/config.schema.json', { with: { type: 'json' } });
  assert.deepEqual(exported, schema);
  for (const [file, text] of demoConfigs()) {
    const config = JSON.parse(text);
    assert.ok(validate(config), `${file}: ${JSON.stringify(validate.errors)}`);
    assert.equal(typeof config.$schema, 'string', `${file} carries "$schema"`);
    // Relative to the file, as editors resolve it (and, from /index.html, as the demo server serves it).
    assert.equal(
      resolve(dirname(file), config.$schema),
      resolve('dist/config.schema.json'),
      `${file}: "$schema" points at the built schema`,
    );
  }
});

test('a misspelt key fails the schema, which names it; descriptions come from the TSDoc', () => {
  assert.equal(validate({ revison: 2, privacyPolicyUrl: '/p' }), false);
  assert.ok(
    validate.errors.some((e) => e.keyword == 'additionalProperties' && e.params.additionalProperty == 'revison'),
    JSON.stringify(validate.errors),
  );
  assert.equal(validate({ ui: { postion: 'top' } }), false);
  assert.ok(validate.errors.some((e) => e.instancePath == '/ui' && e.params.additionalProperty == 'postion'));
  assert.match(schema.definitions.ConsentConfig.properties.lifetimeMonths.description, /Record lifetime in months/);
});

const catalogIds = catalog.map((s) => s.id);
const ownService = { category: 'third_party', label: 'Chat', hosts: ['chat.example'] };
/** Configs both checks accept. */
const VALID = [
  {},
  {
    $schema: 'https://example.com/config.schema.json',
    revision: 3,
    mode: 'opt-out',
    lifetimeMonths: 13,
    reloadOnWithdraw: false,
    language: 'zh-CN',
    privacyPolicyUrl: '/privacy',
  },
  { lifetimeMonths: 1.5, mode: 'opt-in' },
  {
    categories: {
      advertising: false,
      necessary: { label: { en: 'Needed' } },
      chat: {
        label: 'Chat',
        cookies: [
          'c_*',
          { name: 'c', domain: '.example.com', path: '/', description: { en: 'Id' }, retention: '1 day' },
        ],
      },
    },
  },
  { cookie: { name: 'my-consent', domain: '.example.com', path: '/', sameSite: 'Strict' } },
  { rules: [{ category: 'analytics', hosts: ['*.example.com', 'stats.example'], paths: ['/collect'] }] },
  { services: ['youtube', 'google-analytics'] },
  {
    services: {
      youtube: true,
      'google-analytics': { label: 'GA4', retention: { en: '2 years' } },
      chat: { ...ownService, consentMode: ['ad_storage'] },
    },
    rules: [{ category: 'chat', hosts: ['api.chat.example'] }],
  },
  {
    googleConsentMode: {
      wait_for_update: 0,
      region: ['US-CA', 'DE'],
      ads_data_redaction: true,
      url_passthrough: false,
    },
  },
  { googleConsentMode: false },
  { receipt: { endpoint: 'https://log.example/r', headers: { 'x-api-key': 'k' } } },
  { ui: { theme: 'dark', floatingButton: true, minorsNotice: false, position: 'center' } },
  { translations: { en: { title: 'Cookies' }, 'zh-CN': {} } },
];
/** Configs both checks refuse. */
const INVALID = [
  { revison: 2 },
  { mode: 'optin' },
  { lifetimeMonths: '6' },
  { lifetimeMonths: 14 },
  { revision: 0 },
  { revision: 1.5 },
  { $schema: 1 },
  { categories: { necessary: false } },
  { categories: { Analytics: {} } },
  { categories: { analytics: true } },
  { categories: { analytics: { lable: 'x' } } },
  { categories: { analytics: { cookies: [{ domain: '.example.com' }] } } },
  { categories: { analytics: { cookies: [{ name: 'x', path: 'relative' }] } } },
  { cookie: { sameSite: 'lax' } },
  { cookie: { name: 'a b' } },
  { rules: [{ category: 'analytics', hosts: [] }] },
  { rules: [{ category: 'analytics', hosts: ['https://stats.example/'] }] },
  { rules: [{ category: 'analytics', hosts: ['stats.example'], paths: ['collect'] }] },
  { rules: [{ hosts: ['stats.example'] }] },
  { services: ['youtub'] },
  { services: 'youtube' },
  { services: { youtube: false } },
  { services: { chat: { category: 'third_party' } } },
  { services: { Chat: ownService } },
  { services: { youtube: { hosts: 'x.example' } } },
  { services: { youtube: { consentMode: ['ads'] } } },
  { services: { youtube: { lable: 'YT' } } },
  { googleConsentMode: 'yes' },
  { googleConsentMode: { wait_for_update: -1 } },
  { googleConsentMode: { region: ['USA'] } },
  { receipt: {} },
  { ui: { position: 'left' } },
  { ui: { layout: 'banner' } },
  { language: 'english!' },
  { translations: { en: { title: 1 } } },
];

const accepts = (config) => {
  try {
    resolveConfig(config, catalog);
    return true;
  } catch (error) {
    assert.match(error.message, /^consentry: config/);
    return false;
  }
};

test('the schema and the run-time check give the same verdict on sample configs', () => {
  assert.ok(catalogIds.includes('youtube'));
  for (const config of VALID)
    assert.deepEqual(
      [validate(config), accepts(config)],
      [true, true],
      `${JSON.stringify(config)}: ${JSON.stringify(validate.errors)}`,
    );
  for (const config of INVALID)
    assert.deepEqual([validate(config), accepts(config)], [false, false], JSON.stringify(config));
});

test('"$schema" is for editors: accepted by the run-time check as a URL, and anything else names it', () => {
  assert.equal(resolveConfig({ $schema: '../dist/config.schema.json' }).$schema, '../dist/config.schema.json');
  assert.throws(() => resolveConfig({ $schema: 1 }), {
    message: 'consentry: config.$schema 1; expected an http(s) or relative URL',
  });
});

test('what only the run-time check can tell (the config as a whole, URL schemes) stays its job', () => {
  // The schema sees each value alone: it cannot know which categories a config defines.
  for (const config of [
    { rules: [{ category: 'ads', hosts: ['ads.example'] }] },
    { services: { chat: { ...ownService, category: 'support' } } },
    { services: { analytics: ownService } },
    { privacyPolicyUrl: 'javascript:alert(1)' },
  ])
    assert.deepEqual([validate(config), accepts(config)], [true, false], JSON.stringify(config));
});

/** The keys the run-time check knows at a place: an unknown key's error lists them. */
const knownKeys = (configWith) => {
  try {
    resolveConfig(configWith({ unknownKey: 1 }), catalog);
  } catch (error) {
    return /expected one of (.*)$/.exec(error.message)[1].split(',').sort();
  }
  assert.fail('an unknown key was accepted');
};

test('every object of the run-time check has the keys of its type, and no other', () => {
  const keysOf = (name) => Object.keys(schema.definitions[name].properties).sort();
  const places = [
    ['ConsentConfig', (x) => x],
    ['CategoryConfig', (x) => ({ categories: { analytics: x } })],
    ['CookieSpec', (x) => ({ categories: { analytics: { cookies: [{ name: 'c', ...x }] } } })],
    ['CookieOptions', (x) => ({ cookie: x })],
    ['UrlRule', (x) => ({ rules: [{ category: 'analytics', hosts: ['a.example'], ...x }] })],
    ['ServiceConfig', (x) => ({ services: { youtube: x } })],
    ['GoogleConsentModeOptions', (x) => ({ googleConsentMode: x })],
    ['UiOptions', (x) => ({ ui: x })],
  ];
  for (const [name, configWith] of places) assert.deepEqual(keysOf(name), knownKeys(configWith), name);
  // Key patterns are written in the type's TSDoc for the schema; they must stay the shared ones.
  assert.equal(schema.definitions.CategoriesConfig.propertyNames.pattern, CATEGORY_KEY_PATTERN.source);
  assert.equal(schema.definitions.ServicesConfig.propertyNames.pattern, SERVICE_ID_PATTERN.source);
  // receipt is checked as a whole (an object with a safe endpoint), not key by key.
  assert.deepEqual(Object.keys(schema.definitions.ReceiptOptions.properties).sort(), ['endpoint', 'headers']);
});
