// The receiver takes exactly the receipts the SDK can send: its schema's ids, choice keys,
// methods and config hashes are consentry/shared's, so a value the browser side refuses is a
// 400 here and one it makes is stored. Checked at the HTTP API, value by value.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createReceiver } from '@consentry/receiver';
import { CONFIG_HASH_PATTERN, CONSENT_METHODS, ID_PATTERN, SERVICE_ID_PATTERN, fnv1a } from 'consentry/shared';
import { receipt, sqliteFile } from '../support/receiver.mjs';

let receiver;
let url;
before(async () => {
  receiver = await createReceiver({ db: sqliteFile(), rateLimit: 0, log: () => {} });
  ({ url } = await receiver.listen(0, '127.0.0.1'));
});
after(() => receiver.close());

let sent = 0;
/** POST a receipt with `overrides` (a fresh id + ts unless given): whether it was taken. */
const accepted = async (overrides) => {
  const response = await fetch(`${url}/v1/receipts`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(receipt(sent++, overrides)),
  });
  await response.body?.cancel();
  assert.ok([200, 201, 400].includes(response.status), `status ${response.status}`);
  return response.status != 400;
};

/** Each value accepted by the receiver exactly when the shared format accepts it. */
const agrees = async (field, values, sharedAccepts, toOverrides) => {
  for (const value of values)
    assert.equal(await accepted(toOverrides(value)), sharedAccepts(value), `${field} ${JSON.stringify(value)}`);
};

test('ids: as ID_PATTERN', () =>
  agrees(
    'id',
    [
      '3f2c1a9e-7b4d-4c1e-9a2b-1c3d5e7f9a0b',
      'abcdefgh',
      'a'.repeat(64),
      'a'.repeat(65),
      'short',
      'has space',
      'ümlaut-id',
      'x_y-z_12',
    ],
    (v) => ID_PATTERN.test(v),
    (id) => ({ id }),
  ));

test('choice keys: category keys and service ids, as SERVICE_ID_PATTERN', () =>
  agrees(
    'choices key',
    [
      'analytics',
      'third_party',
      'google-analytics',
      'Analytics',
      '1password',
      '-x',
      'a'.repeat(40),
      'a'.repeat(41),
      'a.b',
    ],
    (v) => SERVICE_ID_PATTERN.test(v),
    (key) => ({ choices: { [key]: true } }),
  ));

test('methods: CONSENT_METHODS and nothing else', () =>
  agrees(
    'method',
    [...CONSENT_METHODS, 'implicit', 'Accept-All', ''],
    (v) => CONSENT_METHODS.includes(v),
    (method) => ({ method }),
  ));

test("config hashes: as CONFIG_HASH_PATTERN; fnv1a's output is one", () =>
  agrees(
    'hash',
    [
      fnv1a('{}'),
      `sha256:${'ab'.repeat(32)}`,
      `sha256:${'AB'.repeat(32)}`,
      `sha256:${'ab'.repeat(31)}`,
      'fnv1a:0011aabbc',
      'md5:0011aabb',
      'fnv1a:0011aabb ',
    ],
    (v) => CONFIG_HASH_PATTERN.test(v),
    (hash) => ({ hash }),
  ));
