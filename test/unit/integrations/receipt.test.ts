import { expect } from '@open-wc/testing';
import { createConsent } from '../../../src/core/consent.js';
import { resolveConfig } from '../../../src/core/config.js';
import { createRecord } from '../../../src/core/record.js';
import { RECEIPT_QUEUE, RECEIPT_QUEUE_MAX, receipts, startReceipts } from '../../../src/integrations/receipt.js';
import { fnv1a, startReceiptSender } from '../../../src/integrations/receipt-sender.js';

const config = resolveConfig({});
// A port Chromium refuses to connect to (ERR_UNSAFE_PORT): a network error, so the receipt stays
// queued for retry. (A 4xx answer would drop it: permanent refusals are not retried.)
const UNREACHABLE = 'http://127.0.0.1:1/receipts';
const queue = () => JSON.parse(localStorage.getItem(RECEIPT_QUEUE) || '[]');
const until = (ok: () => boolean) =>
  new Promise<void>((resolve) => {
    const check = () => (ok() ? resolve() : setTimeout(check, 10));
    check();
  });

describe('consent receipts', () => {
  afterEach(() => localStorage.removeItem(RECEIPT_QUEUE));

  it('FNV-1a matches the published 32-bit test vectors', () => {
    expect(fnv1a('')).to.equal('fnv1a:811c9dc5');
    expect(fnv1a('a')).to.equal('fnv1a:e40c292c');
    expect(fnv1a('foobar')).to.equal('fnv1a:bf9cf968');
  });

  it('each decision is queued at once, in its own task; the queue is bounded, oldest dropped first', () => {
    let loads = 0;
    const send = startReceipts(async () => void loads++);
    expect(loads).to.equal(0); // nothing queued: the sender is not fetched
    for (let i = 1; i <= RECEIPT_QUEUE_MAX + 5; i++) send(createRecord({}, 'reject-all', config, undefined, i), false);
    const q = queue();
    expect(q).to.have.length(RECEIPT_QUEUE_MAX);
    expect(q[0].p.ts).to.equal(6);
    expect(q[0].p).to.include({ method: 'reject-all', url: location.origin + location.pathname, gpc: false });
    expect(loads).to.equal(1); // fetched once, on the first decision
  });

  it('a queue left by an earlier page fetches the sender at once', () => {
    localStorage.setItem(RECEIPT_QUEUE, JSON.stringify([{ p: { id: 'x', ts: 1 }, n: 0, t: 0 }]));
    let loads = 0;
    startReceipts(async () => void loads++);
    expect(loads).to.equal(1);
  });

  it('a failed post stays queued with its hash and backs off before the next attempt', async () => {
    const api = createConsent({ receipt: { endpoint: UNREACHABLE } });
    startReceipts(async () => {})(createRecord({}, 'custom', api.config, undefined, 1), true);
    startReceiptSender(api);
    await until(() => queue()[0]?.n === 1);
    expect(queue()[0].p.hash).to.match(/^(sha256|fnv1a):/);
    expect(queue()[0].t).to.be.at.most(Date.now()); // first retry: the next page load
    startReceiptSender(api); // the next page load retries it; a second failure waits longer
    await until(() => queue()[0]?.n === 2);
    expect(queue()[0].t).to.be.greaterThan(Date.now() + 1000);
  });

  it('garbage in the queue key is ignored, never sent, never thrown', () => {
    const api = createConsent({ receipt: { endpoint: UNREACHABLE } });
    localStorage.setItem(RECEIPT_QUEUE, '[1, null, {"p": {}}, "x"]');
    expect(() => startReceiptSender(api)).not.to.throw();
    localStorage.setItem(RECEIPT_QUEUE, '{not json');
    expect(() => startReceipts(async () => {})).not.to.throw();
  });
});

describe('consent receipts, plugged into the engine', () => {
  afterEach(() => {
    localStorage.removeItem(RECEIPT_QUEUE);
    document.cookie = 'receipts=; max-age=0; path=/';
  });

  it('each stored decision is queued and the sender loaded with the API; reset() queues nothing; off without config.receipt', () => {
    const loaded: unknown[] = [];
    const integration = receipts(async (api) => void loaded.push(api));
    const api = createConsent(
      { receipt: { endpoint: UNREACHABLE }, cookie: { name: 'receipts' }, reloadOnWithdraw: false },
      { _integrations: [integration] },
    );
    expect(loaded).to.deep.equal([]);
    api.rejectAll();
    expect(queue().map((q: { p: { method: string } }) => q.p.method)).to.deep.equal(['reject-all']);
    expect(loaded).to.deep.equal([api]);
    api.reset();
    expect(queue()).to.have.length(1);
    localStorage.removeItem(RECEIPT_QUEUE);
    createConsent(
      { cookie: { name: 'receipts' }, reloadOnWithdraw: false },
      { _integrations: [integration] },
    ).acceptAll();
    expect(queue()).to.deep.equal([]);
  });
});
