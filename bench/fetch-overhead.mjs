// Cost of the URL-rule interceptors on the site's own requests: same-origin fetch() timings on
// a page without consentry and on one with the gatekeeper and rules (fetch is then wrapped).
// `node bench/fetch-overhead.mjs [count]` prints the numbers; bench/run.mjs imports the function.
import { chromium } from 'playwright-core';
import { chromiumArgs, executablePath } from '../test/support/chromium.mjs';
import { startServers } from '../test/support/servers.mjs';

const RULES = {
  rules: [
    { category: 'analytics', hosts: ['*.google-analytics.com', '*.googletagmanager.com', 'plausible.io'] },
    { category: 'advertising', hosts: ['*.doubleclick.net', '*.facebook.net'], paths: ['/tr', '/collect'] },
  ],
};

const page = (gatekeeper) => `<!doctype html><html><head><meta charset="utf-8"><title>bench</title>
<script type="application/json" id="consentry-config">${JSON.stringify(RULES)}</script>
${gatekeeper ? '<script src="/dist/consentry.gatekeeper.js"></script>' : ''}</head><body></body></html>`;

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const round = (x) => Math.round(x * 1000) / 1000;

/**
 * Run `count` sequential same-origin fetches (after a warm-up) on one page: the median round
 * trip, and the mean synchronous cost of a fetch() call (where the wrapper parses the URL and
 * matches the rules), in ms.
 */
const measurePage = async (browser, url, count) => {
  const context = await browser.newContext();
  const tab = await context.newPage();
  await tab.goto(url);
  const timings = await tab.evaluate(async (count) => {
    const trip = [];
    for (let i = 0; i < count + 20; i++) {
      const t0 = performance.now();
      await (await fetch(`/bench-ping?${i}`)).arrayBuffer();
      if (i >= 20) trip.push(performance.now() - t0);
    }
    // performance.now() is coarsened to 0.1 ms here, so the call cost is timed as a batch.
    const t0 = performance.now();
    const batch = [];
    for (let i = 0; i < count; i++) batch.push(fetch(`/bench-ping?b${i}`));
    const call = (performance.now() - t0) / count;
    await Promise.all(batch.map((p) => p.then((r) => r.arrayBuffer())));
    return { trip, call };
  }, count);
  const wrapped = await tab.evaluate(() => !/\[native code\]/.test(String(window.fetch)));
  await context.close();
  return { medianMs: round(median(timings.trip)), callMs: round(timings.call), fetchWrapped: wrapped };
};

/**
 * Measure same-origin fetch() timings with and without the gatekeeper (with URL rules) on the
 * page. `servers` is a startServers() object (test/support/servers.mjs); dist/ must be built.
 * Returns `{ requests, without, with, overheadMs, callOverheadMs }`: per-request medians
 * (`medianMs`), per-call cost (`callMs`) and their differences, all in ms.
 */
export async function measureFetchOverhead(browser, servers, { count = 500 } = {}) {
  servers.page('/bench-ping', { body: 'ok', headers: { 'Content-Type': 'text/plain' } });
  servers.page('/bench-plain', page(false));
  servers.page('/bench-gatekeeper', page(true));
  // Alternate the two pages so drift on a shared machine hits both alike.
  const runs = { without: [], with: [] };
  for (let i = 0; i < 2; i++) {
    runs.without.push(await measurePage(browser, `${servers.site}/bench-plain`, count / 2));
    runs.with.push(await measurePage(browser, `${servers.site}/bench-gatekeeper`, count / 2));
  }
  const summary = (rs) => ({
    medianMs: round(median(rs.map((r) => r.medianMs))),
    callMs: round(median(rs.map((r) => r.callMs))),
    fetchWrapped: rs[0].fetchWrapped,
  });
  const without = summary(runs.without);
  const withGatekeeper = summary(runs.with);
  return {
    requests: count,
    without,
    with: withGatekeeper,
    overheadMs: round(withGatekeeper.medianMs - without.medianMs),
    callOverheadMs: round(withGatekeeper.callMs - without.callMs),
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const browser = await chromium.launch({ executablePath, args: chromiumArgs });
  const servers = await startServers();
  try {
    const result = await measureFetchOverhead(browser, servers, { count: Number(process.argv[2]) || 500 });
    console.log(JSON.stringify(result, null, 2));
  } finally {
    await browser.close();
    await servers.close();
  }
}
