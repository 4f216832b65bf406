// Reference receiver for consentry's proof-of-consent receipts (`receipt: { endpoint }`).
// Validates each POSTed receipt and appends it durably (append + fsync) to an NDJSON file,
// one line per decision, never rewriting what is there, so nothing is lost on restart.
// It stores what the browser sent plus the time it arrived: no IP address, no user agent.
//
//   import { createReceiptReceiver } from './receipt-receiver.mjs';
//   const handle = createReceiptReceiver({ file: 'data/receipts.ndjson', origins: ['https://shop.example'] });
//   http.createServer((req, res) => req.url.startsWith('/consent-receipts') ? handle(req, res) : …);
//
//   node demo/receipt-receiver.mjs --port 8082 --file demo/data/receipts.ndjson --origin http://localhost:8080
import { createServer } from 'node:http';
import { mkdirSync, readFileSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { dirname } from 'node:path';
import { parseArgs } from 'node:util';

/** Largest accepted body; a real receipt is a few hundred bytes. */
export const MAX_BYTES = 8192;
const METHODS = ['accept-all', 'reject-all', 'custom', 'gpc', 'api'];

const isInt = (v) => Number.isInteger(v) && v >= 0;
/** Every field a receipt must have, and nothing else (consentry src/integrations/receipt.ts). */
const FIELDS = {
  v: (v) => typeof v == 'string' && v.length <= 20,
  id: (v) => typeof v == 'string' && /^[\w-]{8,64}$/.test(v),
  rev: isInt,
  ts: isInt,
  exp: isInt,
  choices: (v) => typeof v == 'object' && v !== null && !Array.isArray(v) &&
    Object.entries(v).length <= 64 && Object.entries(v).every(([k, x]) => /^[a-z][a-z0-9_]{0,31}$/.test(k) && typeof x == 'boolean'),
  method: (v) => METHODS.includes(v),
  url: (v) => typeof v == 'string' && v.length <= 2048 && /^https?:\/\//.test(v),
  hash: (v) => typeof v == 'string' && /^(sha256:[0-9a-f]{64}|fnv1a:[0-9a-f]{8})$/.test(v),
  gpc: (v) => typeof v == 'boolean',
};

/** The problem with a parsed body, or null when it is a well-formed receipt. */
export const invalidReceipt = (data) => {
  if (typeof data != 'object' || data === null || Array.isArray(data)) return 'expected a JSON object';
  for (const key of Object.keys(data)) if (!FIELDS[key]) return `unknown field "${key.slice(0, 40)}"`;
  for (const [key, ok] of Object.entries(FIELDS)) if (!ok(data[key])) return `bad or missing field "${key}"`;
  return data.exp > data.ts ? null : 'bad field "exp": must be after ts';
};

/**
 * Create a Node request handler `(req, res) => void` that accepts receipts.
 * `file`: the NDJSON file to append to (created with its folder if missing).
 * `origins`: site origins allowed to POST cross-origin (CORS); same-origin needs none.
 */
export const createReceiptReceiver = ({ file, origins = [] }) => {
  mkdirSync(dirname(file), { recursive: true });
  // Delivery is at least once (the browser retries until it sees a 2xx): dedupe on id + ts,
  // remembering what the file already holds so a restart does not forget.
  const seen = new Set();
  try {
    for (const line of readFileSync(file, 'utf8').split('\n')) {
      try {
        const r = JSON.parse(line);
        seen.add(`${r.id} ${r.ts}`);
      } catch { /* a torn last line from a crash: skipped, later lines are intact */ }
    }
  } catch (error) {
    if (error.code !== 'ENOENT') throw error;
  }
  // Appends run one after another so lines never interleave.
  let queue = Promise.resolve();
  const append = (line) => (queue = queue.then(async () => {
    const handle = await open(file, 'a');
    try {
      await handle.appendFile(line);
      await handle.sync(); // durable before we answer 201: the browser then forgets it
    } finally {
      await handle.close();
    }
  }));

  return (req, res) => {
    const origin = req.headers.origin;
    if (origin && origins.includes(origin)) {
      res.setHeader('Access-Control-Allow-Origin', origin);
      res.setHeader('Vary', 'Origin');
      // `receipt.headers` (e.g. an API key) are the site's own: allow what the preflight asks for.
      res.setHeader('Access-Control-Allow-Headers', req.headers['access-control-request-headers'] || 'content-type');
      res.setHeader('Access-Control-Allow-Methods', 'POST');
    }
    const reply = (status, body) => {
      res.statusCode = status;
      res.setHeader('Content-Type', 'application/json');
      res.end(JSON.stringify(body));
    };
    if (req.method == 'OPTIONS') {
      res.statusCode = 204;
      return res.end();
    }
    if (req.method != 'POST') return reply(405, { error: 'POST a receipt' });
    if (!/^application\/json\b/.test(req.headers['content-type'] || '')) return reply(415, { error: 'expected application/json' });
    if (Number(req.headers['content-length']) > MAX_BYTES) return reply(413, { error: `at most ${MAX_BYTES} bytes` });
    const chunks = [];
    let size = 0;
    req.on('data', (chunk) => {
      size += chunk.length;
      if (size > MAX_BYTES) {
        reply(413, { error: `at most ${MAX_BYTES} bytes` });
        req.destroy();
      } else chunks.push(chunk);
    });
    req.on('end', () => {
      if (res.writableEnded) return;
      let data;
      try {
        data = JSON.parse(Buffer.concat(chunks).toString('utf8'));
      } catch {
        return reply(400, { error: 'not JSON' });
      }
      const problem = invalidReceipt(data);
      if (problem) return reply(400, { error: problem });
      const key = `${data.id} ${data.ts}`;
      if (seen.has(key)) return reply(200, { ok: true, duplicate: true });
      seen.add(key);
      append(`${JSON.stringify({ ...data, received: new Date().toISOString() })}\n`).then(
        () => reply(201, { ok: true }),
        (error) => {
          seen.delete(key);
          console.error('receipt-receiver: cannot write', error);
          reply(500, { error: 'not stored' });
        },
      );
    });
  };
};

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '8082' },
      file: { type: 'string', default: 'demo/data/receipts.ndjson' },
      origin: { type: 'string', multiple: true, default: ['http://localhost:8080'] },
    },
  });
  const handle = createReceiptReceiver({ file: values.file, origins: values.origin });
  createServer((req, res) => {
    if (new URL(req.url, 'http://x').pathname == '/consent-receipts') return handle(req, res);
    res.statusCode = 404;
    res.end();
  }).listen(Number(values.port), () =>
    console.log(`receipt receiver: POST http://localhost:${values.port}/consent-receipts → ${values.file}`),
  );
}
