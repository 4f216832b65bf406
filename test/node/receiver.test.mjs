// The receiver's HTTP API, the same suite on SQLite and on PostgreSQL (a throwaway cluster of
// its own): every status code a browser, a server or an operator can get, asserted on the
// response and on the rows actually in the database.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createReceiver } from '@consentry/receiver';
import { fnv1a } from 'consentry/shared'; // the SDK's config hash over plain http
import { receipt, sql, startPostgres, storedKeys, storeTarget } from '../support/receiver.mjs';

const SITE = 'https://shop.example';
const TOKEN = 'admin-token-for-tests-0123456789';

for (const kind of ['sqlite', 'postgres']) {
  describe(`receiver API on ${kind}`, () => {
    let postgres;
    const open = [];
    before(async () => {
      if (kind == 'postgres') postgres = await startPostgres();
    });
    after(async () => {
      await Promise.all(open.map((r) => r.close()));
      postgres?.stop();
    });

    /** A receiver on its own fresh database, listening on a free port. */
    const start = async (options = {}) => {
      const target = await storeTarget(kind, postgres);
      const receiver = await createReceiver({
        ...target,
        adminToken: TOKEN,
        allowOrigins: [SITE],
        log: () => {},
        ...options,
      });
      open.push(receiver);
      const { url } = await receiver.listen(0, '127.0.0.1');
      const send = (body, headers = {}) =>
        fetch(`${url}/v1/receipts`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', origin: SITE, ...headers },
          body: typeof body == 'string' ? body : JSON.stringify(body),
        });
      const admin = (path, init = {}) =>
        fetch(`${url}${path}`, { ...init, headers: { authorization: `Bearer ${TOKEN}`, ...init.headers } });
      return { url, target, send, admin, receiver };
    };
    const rows = (target) => sql(target, 'SELECT * FROM receipts ORDER BY seq');

    test('201 only once stored, then 200 for the exact duplicate; one row (unique key on id + ts)', async () => {
      const { send, target } = await start();
      const r = receipt(1);
      const first = await send(r);
      assert.equal(first.status, 201);
      assert.equal(first.headers.get('access-control-allow-origin'), SITE);
      assert.deepEqual(await first.json(), { ok: true, outcome: 'stored' });
      // The 201 came after the commit: the row is there for another connection to read.
      assert.equal((await storedKeys(target)).get(`${r.id} ${r.ts}`), 1);
      // Field order does not make it a different receipt.
      const reordered = Object.fromEntries(Object.entries(r).reverse());
      const again = await send(reordered);
      assert.equal(again.status, 200);
      assert.equal((await again.json()).outcome, 'duplicate');
      assert.equal((await rows(target)).length, 1);
    });

    test('concurrent retries of one receipt: exactly one 201, the rest 200, one row', async () => {
      const { send, target } = await start();
      const r = receipt(2);
      const statuses = await Promise.all(Array.from({ length: 20 }, () => send(r).then((res) => res.status)));
      assert.deepEqual([statuses.filter((s) => s == 201).length, statuses.filter((s) => s == 200).length], [1, 19]);
      assert.equal((await rows(target)).length, 1);
    });

    test('409 for the same id + ts with a different body; the first stays as stored', async () => {
      const { send, target } = await start();
      const r = receipt(3);
      assert.equal((await send(r)).status, 201);
      const clash = await send({ ...r, choices: { ...r.choices, advertising: true } });
      assert.equal(clash.status, 409);
      assert.match((await clash.json()).error, /field "id"/);
      const [row] = await rows(target);
      assert.equal(JSON.parse(row.body).choices.advertising, false);
    });

    test('400 naming the invalid field, and nothing stored', async () => {
      const { send, target } = await start();
      const good = receipt(4);
      const { ts, ...noTs } = good;
      const cases = [
        ['{not json', 'body'],
        [[good], 'body'],
        [{ ...good, ip: '203.0.113.7' }, 'ip'],
        [{ ...good, userAgent: 'Mozilla/5.0' }, 'userAgent'],
        [noTs, 'ts'],
        [{ ...good, id: 'x' }, 'id'],
        [{ ...good, rev: -1 }, 'rev'],
        [{ ...good, exp: good.ts }, 'exp'],
        [{ ...good, method: 'whatever' }, 'method'],
        [{ ...good, choices: { analytics: 'yes' } }, 'choices.analytics'],
        [{ ...good, choices: { 'Bad Key': true } }, 'choices.Bad Key'],
        [{ ...good, choices: { constructor: true } }, 'choices.constructor'],
        [{ ...good, url: 'https://shop.example/?email=a@b.test' }, 'url'],
        [{ ...good, url: 'javascript:alert(1)' }, 'url'],
        [{ ...good, hash: 'md5:abc' }, 'hash'],
        [{ ...good, gpc: 'no' }, 'gpc'],
      ];
      for (const [body, field] of cases) {
        const res = await send(body);
        assert.equal(res.status, 400, `${JSON.stringify(body).slice(0, 80)} → ${res.status}`);
        const { error } = await res.json();
        assert.ok(error.startsWith(`field "${field}"`), `${field}: ${error}`);
      }
      assert.equal((await rows(target)).length, 0);
    });

    test('415 without a JSON content type', async () => {
      const { send } = await start();
      const res = await send(receipt(5), { 'content-type': 'text/plain' });
      assert.equal(res.status, 415);
      assert.match((await res.json()).error, /content-type/);
    });

    test('403 for an Origin not on the allowlist, nothing stored; requests without Origin (servers) pass', async () => {
      const { url, send, target } = await start();
      const refused = await send(receipt(6), { origin: 'https://evil.example' });
      assert.equal(refused.status, 403);
      assert.match((await refused.json()).error, /evil\.example/);
      assert.equal((await rows(target)).length, 0);
      const server = await fetch(`${url}/v1/receipts`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(receipt(7)),
      });
      assert.equal(server.status, 201);
      assert.equal((await rows(target)).length, 1);
    });

    test("CORS preflight allows the POST and the site's own headers", async () => {
      const { url } = await start();
      const res = await fetch(`${url}/v1/receipts`, {
        method: 'OPTIONS',
        headers: {
          origin: SITE,
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'content-type,x-api-key',
        },
      });
      assert.equal(res.status, 204);
      assert.equal(res.headers.get('access-control-allow-origin'), SITE);
      assert.equal(res.headers.get('access-control-allow-headers'), 'content-type,x-api-key');
      assert.equal(res.headers.get('access-control-allow-methods'), 'POST');
    });

    test('413 over 8 KB, with or without Content-Length; nothing stored', async () => {
      const { url, send, target } = await start();
      const big = { ...receipt(8), url: `https://shop.example/${'a'.repeat(8200)}` };
      const res = await send(big);
      assert.equal(res.status, 413);
      assert.match((await res.json()).error, /8192 bytes/);
      // Chunked, no Content-Length: the limit holds while reading.
      const bytes = new TextEncoder().encode(JSON.stringify(big));
      const chunked = await fetch(`${url}/v1/receipts`, {
        method: 'POST',
        duplex: 'half',
        headers: { 'content-type': 'application/json', origin: SITE },
        body: new ReadableStream({
          start(c) {
            for (let i = 0; i < bytes.length; i += 1000) c.enqueue(bytes.slice(i, i + 1000));
            c.close();
          },
        }),
      });
      assert.equal(chunked.status, 413);
      assert.equal((await rows(target)).length, 0);
    });

    test('429 with Retry-After past the per-address limit; X-Forwarded-For counts only from a trusted proxy', async () => {
      const { send, target } = await start({ rateLimit: 2 });
      assert.equal((await send(receipt(9))).status, 201);
      // A spoofed X-Forwarded-For from an untrusted peer changes nothing: the socket's address counts.
      assert.equal((await send(receipt(10), { 'x-forwarded-for': '198.51.100.1' })).status, 201);
      const limited = await send(receipt(11), { 'x-forwarded-for': '198.51.100.2' });
      assert.equal(limited.status, 429);
      const retryAfter = Number(limited.headers.get('retry-after'));
      assert.ok(retryAfter >= 1 && retryAfter <= 60, `Retry-After ${retryAfter}`);
      assert.equal(limited.headers.get('access-control-allow-origin'), SITE); // the SDK can read it and retry later
      assert.equal((await rows(target)).length, 2);

      const proxied = await start({ rateLimit: 1, trustProxy: ['127.0.0.1'] });
      assert.equal((await proxied.send(receipt(12), { 'x-forwarded-for': '198.51.100.1' })).status, 201);
      assert.equal((await proxied.send(receipt(13), { 'x-forwarded-for': '198.51.100.2' })).status, 201);
      assert.equal((await proxied.send(receipt(14), { 'x-forwarded-for': '198.51.100.2' })).status, 429);
    });

    test('429 from the global limit across addresses', async () => {
      const { send } = await start({ rateLimit: 0, globalRateLimit: 2, trustProxy: ['127.0.0.1'] });
      assert.equal((await send(receipt(15), { 'x-forwarded-for': '198.51.100.1' })).status, 201);
      assert.equal((await send(receipt(16), { 'x-forwarded-for': '198.51.100.2' })).status, 201);
      const limited = await send(receipt(17), { 'x-forwarded-for': '198.51.100.3' });
      assert.equal(limited.status, 429);
      assert.ok(Number(limited.headers.get('retry-after')) >= 1);
    });

    test('401 on every admin route without the token or with a wrong one; off without a configured token', async () => {
      const { url } = await start();
      const routes = [
        ['GET', '/v1/receipts/abcdefgh-1'],
        ['GET', '/v1/export'],
        ['PUT', '/v1/configs/fnv1a:00000000'],
        ['GET', '/v1/configs/fnv1a:00000000'],
        ['POST', '/v1/purge'],
        ['GET', '/v1/verify'],
      ];
      for (const [method, path] of routes) {
        for (const authorization of [undefined, 'Bearer wrong-token', `Basic ${TOKEN}`, `Bearer ${TOKEN}x`]) {
          const res = await fetch(`${url}${path}`, { method, headers: authorization ? { authorization } : {} });
          assert.equal(res.status, 401, `${method} ${path} with ${authorization}`);
          assert.equal(res.headers.get('www-authenticate'), 'Bearer');
        }
      }
      const closed = await start({ adminToken: undefined });
      const res = await fetch(`${closed.url}/v1/verify`, { headers: { authorization: 'Bearer ' } });
      assert.equal(res.status, 401);
      assert.match((await res.json()).error, /--admin-token/);
    });

    test('lookup: the chain of decisions for one consent id, oldest first; 404 for an unknown id', async () => {
      const { send, admin } = await start();
      const first = receipt(20, { method: 'accept-all' }, 'chain01');
      const later = { ...first, ts: first.ts + 5000, exp: first.exp + 5000, method: 'reject-all' };
      const other = receipt(21, {}, 'chain02');
      for (const r of [later, other, first]) assert.equal((await send(r)).status, 201);
      const res = await admin(`/v1/receipts/${first.id}`);
      assert.equal(res.status, 200);
      const body = await res.json();
      assert.deepEqual(
        body.receipts.map((r) => r.method),
        ['accept-all', 'reject-all'],
      );
      assert.deepEqual(Object.keys(body.receipts[0]).sort(), [
        'chain',
        'choices',
        'exp',
        'gpc',
        'hash',
        'id',
        'method',
        'received',
        'rev',
        'seq',
        'ts',
        'url',
        'v',
      ]);
      assert.equal((await admin('/v1/receipts/nobody-here')).status, 404);
    });

    test('export: streamed NDJSON and CSV, filtered by arrival time; 400 naming a bad query', async () => {
      const { send, admin } = await start();
      const sent = Array.from({ length: 5 }, (_, i) =>
        receipt(30 + i, { url: i == 0 ? 'https://shop.example/=SUM(A1)' : 'https://shop.example/p' }),
      );
      for (const r of sent) assert.equal((await send(r)).status, 201);
      const ndjson = await admin('/v1/export?format=ndjson');
      assert.equal(ndjson.status, 200);
      assert.equal(ndjson.headers.get('content-type'), 'application/x-ndjson');
      const lines = (await ndjson.text())
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l));
      assert.deepEqual(
        lines.map((l) => l.id),
        sent.map((r) => r.id),
      );
      const csv = await admin('/v1/export?format=csv&from=2000-01-01');
      assert.equal(csv.status, 200);
      const table = (await csv.text()).trim().split('\r\n');
      assert.equal(table[0], 'seq,received,id,ts,exp,rev,method,gpc,choices,url,hash,v,chain');
      assert.equal(table.length, 6);
      assert.match(table[1], /"\{""advertising"":false,""analytics"":true,/);
      const future = await admin(`/v1/export?from=${Date.now() + 3600_000}`);
      assert.equal(await future.text(), '');
      const before = await admin('/v1/export?to=2000-01-01');
      assert.equal(await before.text(), '');
      for (const [query, key] of [
        ['format=xml', 'format'],
        ['from=yesterday', 'from'],
        ['to=soon', 'to'],
      ]) {
        const res = await admin(`/v1/export?${query}`);
        assert.equal(res.status, 400);
        assert.match((await res.json()).error, new RegExp(`query "${key}"`));
      }
    });

    test("configs: the copy of what was shown is kept only if it hashes to the receipt's hash", async () => {
      const { admin } = await start();
      const shown = {
        v: '0.1.0',
        config: { revision: 3, mode: 'opt-in', categories: [{ key: 'analytics', label: 'Analytics' }] },
      };
      const hash = fnv1a(shown.v + JSON.stringify(shown.config));
      const put = (h, body) =>
        admin(`/v1/configs/${h}`, {
          method: 'PUT',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(body),
        });
      assert.equal((await put(hash, shown)).status, 201);
      assert.equal((await put(hash, shown)).status, 200);
      assert.equal((await put(hash, { ...shown, texts: { note: 'other texts' } })).status, 409);
      const wrong = await put(hash, { ...shown, config: { ...shown.config, revision: 4 } });
      assert.equal(wrong.status, 400);
      assert.match((await wrong.json()).error, /field "config": hashes to fnv1a:/);
      assert.equal((await put('md5:abc', shown)).status, 400);
      assert.equal((await put(hash, { config: shown.config })).status, 400);
      const got = await admin(`/v1/configs/${hash}`);
      assert.deepEqual(await got.json(), shown);
      assert.equal((await admin('/v1/configs/fnv1a:ffffffff')).status, 404);
    });

    test('purge drops bodies only after exp; the chain still verifies; lookup no longer finds them', async () => {
      const { send, admin, target } = await start({ retentionMonths: 0 });
      const now = Date.now();
      const lapsed = receipt(40, { ts: now - 20_000, exp: now - 10_000 });
      const valid = receipt(41, { ts: now - 20_000, exp: now + 3600_000 });
      for (const r of [lapsed, valid]) assert.equal((await send(r)).status, 201);
      const noCutoff = await admin('/v1/purge', { method: 'POST' });
      assert.equal(noCutoff.status, 400);
      assert.match((await noCutoff.json()).error, /field "before"/);
      const res = await admin('/v1/purge', {
        method: 'POST',
        body: JSON.stringify({ before: new Date(now + 60_000).toISOString() }),
      });
      assert.equal(res.status, 200);
      assert.equal((await res.json()).purged, 1); // the valid one stays: never before its exp
      assert.equal((await admin(`/v1/receipts/${lapsed.id}`)).status, 404);
      assert.equal((await admin(`/v1/receipts/${valid.id}`)).status, 200);
      const [gone, kept] = await rows(target);
      assert.deepEqual([gone.body, gone.id, kept.id], [null, null, valid.id]);
      const report = await (await admin('/v1/verify')).json();
      assert.deepEqual([report.ok, report.rows, report.purged], [true, 2, 1]);
    });

    test('automatic retention purge at start: lapsed receipts older than the retention are emptied', async () => {
      const first = await start({ retentionMonths: 0 });
      const old = Date.now() - 40 * 30.44 * 24 * 3600 * 1000;
      assert.equal((await first.send(receipt(50, { ts: old, exp: old + 1000 }))).status, 201);
      assert.equal((await first.send(receipt(51))).status, 201);
      // Rows arrive with the receiver's clock; age the first one as if it arrived 40 months ago.
      await sql(first.target, 'UPDATE receipts SET received = ? WHERE seq = 1', [old]);
      await first.receiver.close();
      const second = await createReceiver({ ...first.target, retentionMonths: 36, log: () => {} });
      open.push(second);
      // createReceiver resolves after the purge at start.
      const purged = (await sql(first.target, 'SELECT seq FROM receipts WHERE body IS NULL')).map((r) => Number(r.seq));
      assert.deepEqual(purged, [1]);
    });

    test('no IP address or user agent is stored', async () => {
      const { send, target } = await start();
      assert.equal(
        (
          await send(receipt(60), {
            'user-agent': 'Mozilla/5.0 (TestBrowser) unique-ua-marker',
            'x-forwarded-for': '203.0.113.9',
          })
        ).status,
        201,
      );
      const all = JSON.stringify(await rows(target));
      assert.doesNotMatch(all, /unique-ua-marker|127\.0\.0\.1|203\.0\.113\.9|::1/);
      const columns = Object.keys((await rows(target))[0]).sort();
      assert.deepEqual(columns, ['body', 'body_hash', 'exp', 'hash', 'id', 'purged', 'received', 'seq', 'ts']);
    });

    test('dates out of range or ambiguous: 400 naming the field before any byte is streamed or any row purged', async () => {
      const { send, admin, target } = await start({ retentionMonths: 0 });
      const now = Date.now();
      assert.equal((await send(receipt(70, { ts: now - 20_000, exp: now - 10_000 }))).status, 201); // lapsed: any purge would take it
      for (const before of ['99999999999999999999', 1e20, '12345', -1, 'tomorrow', '2026-13-45', { $gt: 0 }]) {
        const res = await admin('/v1/purge', { method: 'POST', body: JSON.stringify({ before }) });
        assert.equal(res.status, 400, `before ${JSON.stringify(before)}`);
        assert.match((await res.json()).error, /^field "before": expected an ISO 8601 date/);
      }
      assert.equal((await rows(target))[0].body != null, true, 'nothing purged');
      for (const [query, key] of [
        ['from=99999999999999999999', 'from'],
        ['to=99999999999999999999', 'to'],
        ['from=12345', 'from'],
        ['to=-1', 'to'],
        ['from=10000-01-01', 'from'],
      ]) {
        const res = await admin(`/v1/export?${query}`);
        assert.equal(res.status, 400, query);
        assert.equal(res.headers.get('content-type'), 'application/json');
        assert.match((await res.json()).error, new RegExp(`^query "${key}": expected an ISO 8601 date`));
      }
      // A bare year is the year: from=2027 is after every receipt (not 2027 ms after 1970).
      assert.equal(await (await admin('/v1/export?from=2027')).text(), '');
      assert.equal(
        (await (await admin(`/v1/export?from=2026&to=${now + 60_000}`)).text()).trim().split('\n').length,
        1,
      );
      const big = await admin('/v1/purge', {
        method: 'POST',
        body: JSON.stringify({ before: '2026-01-01', pad: 'x'.repeat(2000) }),
      });
      assert.equal(big.status, 413);
      assert.equal((await rows(target))[0].body != null, true, 'nothing purged');
    });

    test('admin tokens: shorter than 16 characters refused at start; 429 after 30 wrong tokens from one address, even for the right one', async () => {
      await assert.rejects(
        start({ adminToken: 'short-token' }),
        /option "adminToken": at least 16 characters \(got 11\)/,
      );
      const { url, admin } = await start();
      for (let i = 0; i < 30; i++)
        assert.equal(
          (await fetch(`${url}/v1/verify`, { headers: { authorization: `Bearer guess-${i}` } })).status,
          401,
        );
      const throttled = await admin('/v1/verify');
      assert.equal(throttled.status, 429);
      assert.ok(Number(throttled.headers.get('retry-after')) >= 1);
      // Browsers' receipts are not admin requests: still taken.
      assert.equal(
        (
          await fetch(`${url}/v1/receipts`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify(receipt(71)),
          })
        ).status,
        201,
      );
    });

    test('log lines cannot be forged: CR, LF and NUL from paths and database errors are escaped', async () => {
      const lines = [];
      const target = await storeTarget(kind, postgres);
      const real = await createReceiver({ ...target, log: () => {} });
      open.push(real);
      // The database echoing input in its error, as PostgreSQL does for a bad value.
      const store = {
        ...real.store,
        chainOf: async () => {
          throw new Error('invalid input "x\u0000\nconsentry receiver: forged line"');
        },
      };
      const receiver = await createReceiver({ store, adminToken: TOKEN, log: (line) => lines.push(line) });
      const res = await receiver.fetch(
        new Request('http://receiver.test/v1/receipts/abcdefgh-0001', {
          headers: { authorization: `Bearer ${TOKEN}` },
        }),
      );
      assert.equal(res.status, 500);
      assert.equal(lines.length, 1);
      assert.ok(![...lines[0]].some((ch) => ch.charCodeAt(0) < 32), JSON.stringify(lines[0]));
      assert.match(lines[0], /x\\u0000\\u000aconsentry receiver: forged line/);
      // A path with control characters never reaches the database: 400 naming it.
      const odd = await receiver.fetch(
        new Request('http://receiver.test/v1/receipts/abcdefgh%00%0Aforged', {
          headers: { authorization: `Bearer ${TOKEN}` },
        }),
      );
      assert.equal(odd.status, 400);
      assert.match((await odd.json()).error, /^path "id"/);
    });

    test('/healthz and /readyz', async () => {
      const { url, receiver } = await start();
      assert.equal((await fetch(`${url}/healthz`)).status, 200);
      const ready = await fetch(`${url}/readyz`);
      assert.deepEqual([ready.status, (await ready.json()).store], [200, kind]);
      await receiver.store.close(); // the database gone: not ready, still alive
      assert.equal((await fetch(`${url}/readyz`)).status, 503);
      assert.equal((await fetch(`${url}/healthz`)).status, 200);
    });
  });
}
