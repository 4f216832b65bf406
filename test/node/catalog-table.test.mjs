// The docs' catalog table (docs/reference/catalog.md) is generated from the data: one row per entry.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { catalogTable } from '../../scripts/catalog-table.mjs';
import { servicesJson } from '../../scripts/services-json.mjs';

test('the catalog table has one row per entry with its hosts and cookies', async () => {
  const [table, services] = await Promise.all([catalogTable(), servicesJson()]);
  const rows = table.split('\n').slice(2);
  assert.equal(rows.length, services.length);
  const posthog = rows.find((r) => r.startsWith('| `posthog` |'));
  assert.equal(
    posthog,
    '| `posthog` | PostHog | PostHog Inc. | analytics | Measures how the site and its features are used. (`measure-usage`) | `*.i.posthog.com` | `ph_*_posthog` |',
  );
});
