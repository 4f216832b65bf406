// The README's catalog table (issue 11 point 9) is generated from the data: one row per entry,
// written only between its markers, and a README without the markers gets an error naming them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { catalogTable, withTable } from '../../scripts/catalog-table.mjs';
import { servicesJson } from '../../scripts/services-json.mjs';

test('the catalog table has one row per entry with its hosts and cookies', async () => {
  const [table, services] = await Promise.all([catalogTable(), servicesJson()]);
  const rows = table.split('\n').slice(2);
  assert.equal(rows.length, services.length);
  const posthog = rows.find((r) => r.startsWith('| `posthog` |'));
  assert.equal(posthog, '| `posthog` | PostHog | PostHog Inc. | analytics | `*.i.posthog.com` | `ph_*_posthog` |');
});

test('the table replaces only what is between the markers, and missing markers are named', () => {
  const readme = 'intro\n<!-- catalog:start -->\nold table\n<!-- catalog:end -->\noutro\n';
  assert.equal(withTable(readme, '| new |'), 'intro\n<!-- catalog:start -->\n| new |\n<!-- catalog:end -->\noutro\n');
  assert.equal(withTable(withTable(readme, '| new |'), '| new |'), withTable(readme, '| new |'), 'running it twice changes nothing');
  assert.throws(() => withTable('no markers', '| new |'), /<!-- catalog:start --> and <!-- catalog:end -->/);
});
