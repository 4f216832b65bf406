// `npm run bench:receiver`: the consent log under load on loopback, SQLite then PostgreSQL.
//   1. throughput: autocannon POSTs unique receipts for --seconds (default 30) per store with
//      --connections in flight (default 64); receipts/s, p50/p99 latency; every 201 must be a
//      row (the rows may exceed the 201s by the requests still in flight when the clock stopped).
//   1b. PostgreSQL only: the same load spread over two receivers on one database (a site behind a
//      load balancer): receipts/s together, every 201 a row, and the chain still one chain.
//   2. --rounds (default 10) of kill -9 in the middle of the load: after each restart every
//      acknowledged receipt is stored exactly once, and re-sending the unacknowledged ones (sent,
//      no answer) stores each exactly once. The chain verifies at the end.
// The receiver runs as the CLI in a child process (packages/cli/dist/cli.js; build first), rate limits
// off. PostgreSQL is a throwaway cluster (test/support/receiver.mjs). Prints a Markdown section.
import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { cpus, loadavg } from 'node:os';
import autocannon from 'autocannon';
import { receipt, sendAll, spawnReceiver, startPostgres, storedKeys, storeTarget } from '../test/support/receiver.mjs';

const { values } = parseArgs({
  options: {
    seconds: { type: 'string', default: '30' },
    connections: { type: 'string', default: '64' },
    rounds: { type: 'string', default: '10' },
    store: { type: 'string', default: 'both' },
  },
});
const SECONDS = Number(values.seconds);
const CONNECTIONS = Number(values.connections);
const ROUNDS = Number(values.rounds);
const TOKEN = 'bench-admin-token-0123456789abcdef';
const FLAGS = ['--rate-limit', '0', '--global-rate-limit', '0', '--admin-token', TOKEN, '--retention-months', '0'];
const spawnOn = (target) =>
  spawnReceiver(
    [...FLAGS, ...(target.db ? ['--db', target.db] : [])],
    target.databaseUrl ? { DATABASE_URL: target.databaseUrl } : {},
  );
const log = (...args) => console.error(...args);

/** Phase 1: receipts/s and latency with autocannon. */
const throughput = async (target, kind) => {
  const receiver = await spawnOn(target);
  let i = 0;
  const run = `load-${kind}`;
  const body = () => JSON.stringify(receipt(i++, {}, run));
  const result = await autocannon({
    url: receiver.url,
    connections: CONNECTIONS,
    duration: SECONDS,
    requests: [
      {
        method: 'POST',
        path: '/v1/receipts',
        headers: { 'content-type': 'application/json' },
        setupRequest: (req) => ({ ...req, body: body() }),
      },
    ],
  });
  const stored = (await storedKeys(target)).size;
  await receiver.stop();
  const created = result.statusCodeStats?.['201']?.count ?? result['2xx'];
  return {
    perSecond: Math.round(created / SECONDS),
    p50: result.latency.p50,
    p99: result.latency.p99,
    created,
    stored,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
  };
};

/** Phase 1b: two receivers on one PostgreSQL database, half the connections each. */
const twoInstances = async (target) => {
  const receivers = [await spawnOn(target), await spawnOn(target)];
  let i = 0;
  const body = () => JSON.stringify(receipt(i++, {}, 'load-two'));
  const results = await Promise.all(
    receivers.map((r) =>
      autocannon({
        url: r.url,
        connections: Math.max(1, Math.round(CONNECTIONS / 2)),
        duration: SECONDS,
        requests: [
          {
            method: 'POST',
            path: '/v1/receipts',
            headers: { 'content-type': 'application/json' },
            setupRequest: (req) => ({ ...req, body: body() }),
          },
        ],
      }),
    ),
  );
  const stored = (await storedKeys(target)).size;
  const verify = await (
    await fetch(`${receivers[0].url}/v1/verify`, { headers: { authorization: `Bearer ${TOKEN}` } })
  ).json();
  await Promise.all(receivers.map((r) => r.stop()));
  const created = results.reduce((n, r) => n + (r.statusCodeStats?.['201']?.count ?? r['2xx']), 0);
  return {
    perSecond: Math.round(created / SECONDS),
    // Latency percentiles of the slower instance: what the worse half of the visitors saw.
    p50: Math.max(...results.map((r) => r.latency.p50)),
    p99: Math.max(...results.map((r) => r.latency.p99)),
    created,
    stored,
    non2xx: results.reduce((n, r) => n + r.non2xx, 0),
    errors: results.reduce((n, r) => n + r.errors + r.timeouts, 0),
    chainOk: verify.ok && verify.rows == stored,
  };
};

/** Phase 2: one kill -9 round; returns what was acknowledged, lost and stored twice. */
const killRound = async (target, round, total) => {
  const receiver = await spawnOn(target);
  const receipts = Array.from({ length: 4000 }, (_, i) =>
    receipt(i, {}, `kill${round}-${Math.random().toString(36).slice(2, 8)}`),
  );
  // Kill at a different point each round, always mid-load (some acknowledged, some in flight).
  const killAt = 200 + Math.floor(Math.random() * 1500);
  let killed = null;
  const { acked, unacked } = await sendAll(
    receiver.url,
    receipts,
    CONNECTIONS,
    (n) => {
      if (n == killAt) killed = receiver.kill9();
    },
    () => killed != null,
  );
  const exit = await killed;
  if (exit?.signal != 'SIGKILL') throw new Error(`round ${round}: the receiver was not killed mid-load`);
  const restarted = await spawnOn(target);
  const keys = await storedKeys(target);
  const key = (r) => `${r.id} ${r.ts}`;
  const lost = acked.filter((r) => !keys.has(key(r))).length;
  const twice = acked.filter((r) => keys.get(key(r)) > 1).length;
  const resent = await sendAll(restarted.url, unacked, 16);
  const after = await storedKeys(target);
  const resentOnce = unacked.filter((r) => after.get(key(r)) === 1).length;
  const verify = await (
    await fetch(`${restarted.url}/v1/verify`, { headers: { authorization: `Bearer ${TOKEN}` } })
  ).json();
  await restarted.stop();
  const sent = acked.length + unacked.length;
  total.acked += acked.length;
  total.lost += lost;
  total.twice += twice;
  total.unacked += unacked.length;
  total.resentOnce += resentOnce;
  total.resentFailed += resent.unacked.length;
  total.chainOk &&= verify.ok;
  log(
    `  round ${round}: sent ${sent}, acked ${acked.length} (kill at ${killAt}), unacked ${unacked.length}; lost ${lost}, twice ${twice}; re-sent stored once ${resentOnce}/${unacked.length}; chain ${verify.ok ? 'ok' : 'BROKEN'}`,
  );
};

const kinds = values.store == 'both' ? ['sqlite', 'postgres'] : [values.store];
const rows = [];
let postgres;
try {
  for (const kind of kinds) {
    if (kind == 'postgres') postgres = await startPostgres();
    const target = await storeTarget(kind, postgres);
    log(`${kind}: ${SECONDS} s of load, ${CONNECTIONS} connections…`);
    const load = await throughput(target, kind);
    log(
      `  ${load.perSecond} receipts/s, p50 ${load.p50} ms, p99 ${load.p99} ms; 201s ${load.created}, rows ${load.stored}, non-2xx ${load.non2xx}, errors ${load.errors}`,
    );
    const total = { acked: 0, lost: 0, twice: 0, unacked: 0, resentOnce: 0, resentFailed: 0, chainOk: true };
    log(`${kind}: ${ROUNDS} rounds of kill -9 mid-load…`);
    for (let round = 1; round <= ROUNDS; round++) await killRound(await storeTarget(kind, postgres), round, total);
    rows.push({ kind, load, total });
    if (kind == 'postgres') {
      log(`postgres, two instances on one database: ${SECONDS} s of load, ${CONNECTIONS} connections split over both…`);
      const two = await twoInstances(await storeTarget(kind, postgres));
      log(
        `  ${two.perSecond} receipts/s, p50 ${two.p50} ms, p99 ${two.p99} ms; 201s ${two.created}, rows ${two.stored}, non-2xx ${two.non2xx}, errors ${two.errors}; chain ${two.chainOk ? 'one chain, verifies' : 'BROKEN'}`,
      );
      rows.push({ kind: 'postgres-two', load: two, total: null });
    }
  }
} finally {
  postgres?.stop();
}

const load = loadavg()[0].toFixed(1);
const table = `
| store | receipts/s | p50 | p99 | 201s ≤ rows | kill -9 rounds | acknowledged | lost | stored twice | unacknowledged re-sent → stored once | chain |
|---|---|---|---|---|---|---|---|---|---|---|
${rows
  .map(({ kind, load: l, total: t }) =>
    t
      ? `| ${kind == 'sqlite' ? 'SQLite (WAL, synchronous=FULL)' : 'PostgreSQL 15'} | ${l.perSecond} | ${l.p50} ms | ${l.p99} ms | ${l.created} ≤ ${l.stored} | ${ROUNDS} | ${t.acked} | ${t.lost} | ${t.twice} | ${t.unacked} → ${t.resentOnce} | ${t.chainOk ? 'verifies' : 'BROKEN'} |`
      : `| PostgreSQL 15, two receivers on one database | ${l.perSecond} | ${l.p50} ms | ${l.p99} ms | ${l.created} ≤ ${l.stored} | — | — | — | — | — | ${l.chainOk ? 'one chain, verifies' : 'BROKEN'} |`,
  )
  .join('\n')}

${SECONDS} s per store, ${CONNECTIONS} connections, loopback, ${cpus().length} CPUs (load average ${load} at the end), autocannon in the same machine.`;
console.log(table);
// docs/benchmarks.md: this run's table between its bench-receiver markers.
const DOC = 'docs/benchmarks.md';
const doc = readFileSync(DOC, 'utf8');
const block = `<!-- bench-receiver:start -->\nMeasured by \`npm run bench:receiver\` on ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC.\n${table}\n<!-- bench-receiver:end -->`;
if (!/<!-- bench-receiver:start -->[\s\S]*<!-- bench-receiver:end -->/.test(doc))
  throw new Error(`bench: the bench-receiver markers are missing in ${DOC}`);
writeFileSync(
  DOC,
  doc.replace(/<!-- bench-receiver:start -->[\s\S]*<!-- bench-receiver:end -->/, () => block),
);
const failed = rows.some(
  ({ load: l, total: t }) =>
    (t ? t.lost || t.twice || t.resentOnce != t.unacked || !t.chainOk : !l.chainOk) ||
    l.stored < l.created ||
    l.stored - l.created > CONNECTIONS,
);
process.exit(failed ? 1 : 0);
