// Helpers for the receiver's tests and bench: a throwaway PostgreSQL cluster (initdb + pg_ctl
// into a temp dir, as the postgres user when run as root), the receiver CLI as a child process
// (so kill -9 is real), receipts to send, and direct access to the rows in either database.
import { spawn, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import Database from 'better-sqlite3';
import pg from 'pg';
import { MONTH_MS } from 'consentry/shared';

const ROOT = new URL('../..', import.meta.url).pathname;
/** The built CLI (CONSENTRY_CLI overrides, to compare builds). */
export const CLI = process.env.CONSENTRY_CLI || join(ROOT, 'packages/cli/dist/cli.js');
/** Debian's PostgreSQL 15 binaries; PG_BIN overrides. */
export const PG_BIN = process.env.PG_BIN || '/usr/lib/postgresql/15/bin';

/** A free TCP port on 127.0.0.1. */
export const freePort = () =>
  new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });

/**
 * Start a PostgreSQL cluster of its own in a temp dir, on a free port, trust auth on 127.0.0.1.
 * Throws (so PostgreSQL tests fail, never skip) when the binaries are missing.
 */
export const startPostgres = async () => {
  if (!existsSync(join(PG_BIN, 'initdb')))
    throw new Error(
      `PostgreSQL binaries not found in ${PG_BIN}: install them (apt-get install -y postgresql; .ci/run does) or set PG_BIN`,
    );
  const dir = mkdtempSync(join(tmpdir(), 'consentry-pg-'));
  const root = process.getuid?.() === 0;
  // initdb refuses to run as root: run the server as the postgres user, who must own the dir.
  if (root) {
    const uid = Number(spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).stdout.trim());
    const gid = Number(spawnSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).stdout.trim());
    if (!uid)
      throw new Error(
        'running as root but there is no "postgres" user to run PostgreSQL as (the postgresql package creates it)',
      );
    chownSync(dir, uid, gid);
  }
  const run = (bin, args) => {
    const cmd = root ? ['runuser', ['-u', 'postgres', '--', join(PG_BIN, bin), ...args]] : [join(PG_BIN, bin), args];
    const r = spawnSync(cmd[0], cmd[1], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`${bin} failed (${r.status}): ${r.stderr || r.stdout}`);
  };
  const data = join(dir, 'data');
  const port = await freePort();
  run('initdb', ['-D', data, '-A', 'trust', '-U', 'postgres', '--no-sync', '-E', 'UTF8']);
  run('pg_ctl', [
    '-D',
    data,
    '-l',
    join(dir, 'server.log'),
    '-w',
    '-o',
    `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1`,
    'start',
  ]);
  const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
  let n = 0;
  return {
    url,
    /** A fresh empty database in this cluster; returns its URL. */
    async database() {
      const name = `t${process.pid}_${++n}`;
      const client = new pg.Client(url);
      await client.connect();
      await client.query(`CREATE DATABASE ${name}`);
      await client.end();
      return `postgres://postgres@127.0.0.1:${port}/${name}`;
    },
    /** `pg_ctl restart -m fast` (every connection dropped), without blocking this event loop; resolves once it accepts again. */
    restart() {
      const args = ['-D', data, '-l', join(dir, 'server.log'), '-w', '-m', 'fast', 'restart'];
      const cmd = root
        ? ['runuser', ['-u', 'postgres', '--', join(PG_BIN, 'pg_ctl'), ...args]]
        : [join(PG_BIN, 'pg_ctl'), args];
      return new Promise((resolve, reject) => {
        const child = spawn(cmd[0], cmd[1], { stdio: 'ignore' });
        child.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`pg_ctl restart failed (${code})`))));
      });
    },
    stop() {
      try {
        run('pg_ctl', ['-D', data, '-m', 'immediate', 'stop']);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
};

/** A temp SQLite file path. */
export const sqliteFile = () => join(mkdtempSync(join(tmpdir(), 'consentry-receiver-')), 'receipts.db');

/** The options naming a store: `{ db }` for SQLite, `{ databaseUrl }` for PostgreSQL. */
export const storeTarget = async (kind, postgres) =>
  kind == 'sqlite' ? { db: sqliteFile() } : { databaseUrl: await postgres.database() };

/** Run SQL directly on the store's database, as someone who holds it would; returns the rows. */
export const sql = async (target, text, values = []) => {
  if (target.db) {
    const db = new Database(target.db);
    try {
      const statement = db.prepare(text);
      return statement.reader ? statement.all(...values) : (statement.run(...values), []);
    } finally {
      db.close();
    }
  }
  const client = new pg.Client(target.databaseUrl);
  await client.connect();
  try {
    let i = 0;
    return (
      await client.query(
        text.replace(/\?/g, () => `$${++i}`),
        values,
      )
    ).rows;
  } finally {
    await client.end();
  }
};

/** `{ "id ts": count }` of every unpurged row. */
export const storedKeys = async (target) => {
  const counts = new Map();
  for (const r of await sql(target, 'SELECT id, ts FROM receipts WHERE body IS NOT NULL'))
    counts.set(`${r.id} ${Number(r.ts)}`, (counts.get(`${r.id} ${Number(r.ts)}`) ?? 0) + 1);
  return counts;
};

/** A well-formed receipt as the SDK sends it; `i` makes id + ts unique within `run`. */
export const receipt = (i, overrides = {}, run = randomUUID().slice(0, 8)) => {
  const ts = Date.now() - 1000 + (i % 1000);
  return {
    v: '0.1.0',
    id: `${run}-${String(i).padStart(8, '0')}`,
    rev: 1,
    ts,
    exp: ts + 6 * MONTH_MS,
    choices: { identity: false, analytics: i % 2 == 0, advertising: false, third_party: false },
    method: 'custom',
    url: 'https://shop.example/products',
    hash: 'fnv1a:0011aabb',
    gpc: false,
    ...overrides,
  };
};

/**
 * Spawn `consentry receiver` (packages/cli/dist/cli.js) on a free port with `args` and `env`;
 * resolves once it listens, with { url, child, stop }.
 */
export const spawnReceiver = async (args, env = {}) => {
  const child = spawn(process.execPath, [CLI, 'receiver', '--port', '0', ...args], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const url = await new Promise((resolve, reject) => {
    const onData = (chunk) => {
      output += chunk;
      const m = /listening on (http:\/\/\S+)/.exec(output);
      if (m) resolve(m[1]);
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', (chunk) => {
      output += chunk;
    });
    child.once('exit', (code) => reject(new Error(`receiver exited (${code}) before listening:\n${output}`)));
  });
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  return {
    url,
    child,
    exited,
    output: () => output,
    kill9: () => (child.kill('SIGKILL'), exited),
    stop: () => (child.kill('SIGTERM'), exited),
  };
};

/** POST one receipt; resolves with the status, or 0 on a network error (no answer). */
export const post = (url, body, headers = {}) =>
  fetch(`${url}/v1/receipts`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  }).then(
    async (r) => {
      await r.arrayBuffer();
      return r.status;
    },
    () => 0,
  );

/**
 * Send `receipts` with `concurrency` requests in flight; `onAck(count)` after each 200/201.
 * Once `stopped()` is true no new receipt is sent (those are neither acked nor unacked).
 * Resolves with { acked, unacked } (arrays of receipts; unacked got no 200/201 answer).
 */
export const sendAll = async (url, receipts, concurrency, onAck = () => {}, stopped = () => false) => {
  const acked = [];
  const unacked = [];
  let next = 0;
  const worker = async () => {
    while (next < receipts.length && !stopped()) {
      const r = receipts[next++];
      const status = await post(url, r);
      if (status == 201 || status == 200) {
        acked.push(r);
        onAck(acked.length);
      } else unacked.push(r);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return { acked, unacked };
};

/**
 * spawnReceiver for one test file: every receiver it starts is killed when the file ends
 * (`after` from node:test), so a failed assertion never leaves one running (its pipes would
 * keep the file alive).
 */
export const trackedReceivers = (after) => {
  const running = [];
  after(() => {
    for (const { child } of running) if (child.exitCode == null && child.signalCode == null) child.kill('SIGKILL');
  });
  return async (...args) => {
    const receiver = await spawnReceiver(...args);
    running.push(receiver);
    return receiver;
  };
};
