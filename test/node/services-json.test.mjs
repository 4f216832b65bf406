// dist/services.json is generated from the catalog's TypeScript modules:
// every entry, in catalog order, with its blocking data and its display data side by side.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { servicesJson } from '../../scripts/services-json.mjs';

test('services.json holds every catalog entry with its hosts, cookies and display data', async () => {
  const services = await servicesJson();
  assert.ok(services.length >= 52, `${services.length} services`);
  assert.equal(new Set(services.map((s) => s.id)).size, services.length, 'ids are unique');
  for (const s of services) {
    assert.ok(s.category && s.hosts.length, `${s.id}: category and hosts`);
    assert.ok(s.label && s.vendor && s.purpose.en && s.purpose['zh-CN'], `${s.id}: display data`);
    assert.match(s.policyUrl, /^https:\/\//, `${s.id}: policyUrl`);
  }
  const mixpanel = services.find((s) => s.id == 'mixpanel');
  assert.deepEqual(mixpanel.hosts, ['*.mxpnl.com', '*.mixpanel.com']);
  assert.deepEqual(mixpanel.cookies, ['mp_*_mixpanel']);
});
