// A load generator for the receiver's fault tests: workers POST fresh receipts to one or more
// receivers until stopped, recording every answer, so a test can wait on what the load sees
// ("201s again after the restart") and reconcile every acknowledged receipt with the database.
import { receipt } from './receiver.mjs';

/** One POST: { status, retryAfter } (status 0 when there was no answer). */
export const postReceipt = (url, body) =>
  fetch(`${url}/v1/receipts`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  }).then(
    async (r) => {
      await r.arrayBuffer();
      return { status: r.status, retryAfter: r.headers.get('retry-after') };
    },
    () => ({ status: 0, retryAfter: null }),
  );

/**
 * Start `concurrency` workers spread over `urls`. Each answer is recorded as { url, status, at, r }.
 * After a refusal a worker backs off a little (as the SDK does on Retry-After) instead of spinning.
 */
export const startLoad = (urls, concurrency, run = Math.random().toString(36).slice(2, 10)) => {
  const answers = [];
  const waiters = new Set();
  let stopped = false;
  let i = 0;
  const notify = () => {
    for (const w of [...waiters]) w();
  };
  const worker = async (url) => {
    while (!stopped) {
      const r = receipt(i++, {}, run);
      const { status, retryAfter } = await postReceipt(url, r);
      answers.push({ url, status, retryAfter, at: Date.now(), r });
      notify();
      if (status != 201 && status != 200 && !stopped) await new Promise((resolve) => setTimeout(resolve, 50));
    }
  };
  const workers = Array.from({ length: concurrency }, (_, n) => worker(urls[n % urls.length]));
  return {
    answers,
    /** Receipts answered 200/201. */
    acked: () => answers.filter((a) => a.status == 201 || a.status == 200).map((a) => a.r),
    /** Answers matching `where` ({ url, status, since }). */
    count: ({ url, status, since = 0 } = {}) =>
      answers.filter((a) => (url == null || a.url == url) && (status == null || a.status == status) && a.at >= since)
        .length,
    /** Resolves once `condition()` holds (checked after every answer); fails naming `what` after `ms`. */
    until: (condition, what, ms = 15_000) =>
      new Promise((resolve, reject) => {
        if (condition()) return resolve();
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`timed out after ${ms} ms waiting for ${what}`));
        }, ms);
        const check = () => {
          if (condition()) {
            clearTimeout(timer);
            waiters.delete(check);
            resolve();
          }
        };
        waiters.add(check);
      }),
    /** Stop sending and wait for the answers in flight. */
    stop: async () => {
      stopped = true;
      await Promise.all(workers);
    },
  };
};
