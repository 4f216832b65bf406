import { expect } from '@open-wc/testing';
import { resolveConfig } from '../../../src/core/config.js';
import { createRecord } from '../../../src/core/record.js';
import { RECEIPT_QUEUE, RECEIPT_QUEUE_MAX, fnv1a, startReceipts } from '../../../src/integrations/receipt.js';

const config = resolveConfig({});
// A port Chromium refuses to connect to (ERR_UNSAFE_PORT): a network error, so the receipt stays
// queued for retry. (A 4xx answer would drop it: permanent refusals are not retried.)
const UNREACHABLE = 'http://127.0.0.1:1/receipts';
const queue = () => JSON.parse(localStorage.getItem(RECEIPT_QUEUE) || '[]');

describe('consent receipts', () => {
  afterEach(() => localStorage.removeItem(RECEIPT_QUEUE));

  it('FNV-1a matches the published 32-bit test vectors', () => {
    expect(fnv1a('')).to.equal('fnv1a:811c9dc5');
    expect(fnv1a('a')).to.equal('fnv1a:e40c292c');
    expect(fnv1a('foobar')).to.equal('fnv1a:bf9cf968');
  });

  it('the retry queue is bounded, oldest dropped first', () => {
    // An unreachable endpoint: every receipt fails and stays queued.
    const send = startReceipts({ endpoint: UNREACHABLE }, config);
    for (let i = 1; i <= RECEIPT_QUEUE_MAX + 5; i++) send(createRecord({}, 'reject-all', config, undefined, i), false);
    const q = queue();
    expect(q).to.have.length(RECEIPT_QUEUE_MAX);
    expect(q[0].p.ts).to.equal(6);
    expect(q[0].p).to.include({ method: 'reject-all', url: location.origin + location.pathname, gpc: false });
  });

  it('a failed post backs off before the next attempt', async () => {
    const send = startReceipts({ endpoint: UNREACHABLE }, config);
    send(createRecord({}, 'custom', config, undefined, 1), true);
    await new Promise<void>((resolve) => {
      const check = () => (queue()[0]?.n === 1 ? resolve() : setTimeout(check, 10));
      check();
    });
    expect(queue()[0].t).to.be.at.most(Date.now()); // first retry: the next page load
    // The next page load retries it; a second failure waits longer.
    startReceipts({ endpoint: UNREACHABLE }, config);
    await new Promise<void>((resolve) => {
      const check = () => (queue()[0]?.n === 2 ? resolve() : setTimeout(check, 10));
      check();
    });
    expect(queue()[0].t).to.be.greaterThan(Date.now() + 1000);
  });

  it('garbage in the queue key is ignored, never sent, never thrown', () => {
    localStorage.setItem(RECEIPT_QUEUE, '[1, null, {"p": {}}, "x"]');
    expect(() => startReceipts({ endpoint: UNREACHABLE }, config)).not.to.throw();
    localStorage.setItem(RECEIPT_QUEUE, '{not json');
    expect(() => startReceipts({ endpoint: UNREACHABLE }, config)).not.to.throw();
  });
});
