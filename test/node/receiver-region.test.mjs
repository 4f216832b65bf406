// GET /v1/region on the real receiver: edge headers only from --trust-proxy addresses.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createReceiver } from '@consentry/receiver';

const start = async (options) => {
  const receiver = await createReceiver({
    db: join(mkdtempSync(join(tmpdir(), 'region-')), 'r.db'),
    log: () => {},
    ...options,
  });
  const { url } = await receiver.listen(0, '127.0.0.1');
  return { receiver, url };
};

describe('GET /v1/region', () => {
  let trusted, untrusted;
  before(async () => {
    trusted = await start({ trustProxy: ['127.0.0.1'] });
    untrusted = await start({});
  });
  after(async () => {
    await trusted.receiver.close();
    await untrusted.receiver.close();
  });
  const region = async ({ url }, headers) => {
    const response = await fetch(`${url}/v1/region`, { headers });
    assert.equal(response.status, 200);
    return [(await response.json()).region, response.headers];
  };

  test('Cloudflare, CloudFront and Vercel headers from a trusted proxy name the region', async () => {
    assert.equal((await region(trusted, { 'CF-IPCountry': 'US', 'CF-Region-Code': 'CA' }))[0], 'US-CA');
    assert.equal(
      (await region(trusted, { 'CloudFront-Viewer-Country': 'de', 'CloudFront-Viewer-Country-Region': 'BY' }))[0],
      'DE-BY',
    );
    assert.equal(
      (await region(trusted, { 'X-Vercel-IP-Country': 'CN', 'X-Vercel-IP-Country-Region': 'SH' }))[0],
      'CN-SH',
    );
    assert.equal((await region(trusted, { 'CF-IPCountry': 'GB' }))[0], 'GB');
  });

  test('XX, T1 and malformed values are unknown (null); a malformed subdivision leaves the country', async () => {
    assert.equal((await region(trusted, { 'CF-IPCountry': 'XX' }))[0], null);
    assert.equal((await region(trusted, { 'CF-IPCountry': 'T1', 'CF-Region-Code': 'CA' }))[0], null);
    assert.equal((await region(trusted, { 'CF-IPCountry': 'USA' }))[0], null);
    assert.equal((await region(trusted, { 'CF-IPCountry': 'US', 'CF-Region-Code': 'California' }))[0], 'US');
    assert.equal((await region(trusted, {}))[0], null);
  });

  test('without --trust-proxy the headers are ignored: anyone could send them', async () => {
    assert.equal((await region(untrusted, { 'CF-IPCountry': 'US', 'CF-Region-Code': 'CA' }))[0], null);
  });

  test('the answer is cacheable per visitor: private, and Vary names every edge header; any page may read it', async () => {
    const [, headers] = await region(trusted, { 'CF-IPCountry': 'US' });
    assert.equal(headers.get('cache-control'), 'private, max-age=3600');
    assert.deepEqual(
      headers
        .get('vary')
        .split(', ')
        .map((h) => h.toLowerCase())
        .sort(),
      [
        'cf-ipcountry',
        'cf-region-code',
        'cloudfront-viewer-country',
        'cloudfront-viewer-country-region',
        'x-vercel-ip-country',
        'x-vercel-ip-country-region',
      ],
    );
    assert.equal(headers.get('access-control-allow-origin'), '*');
  });

  test('--geoip-db that is not a MaxMind database fails the start with a clear error', async () => {
    await assert.rejects(start({ geoipDb: join(tmpdir(), 'no-such-file.mmdb') }), /no-such-file\.mmdb/);
  });
});
