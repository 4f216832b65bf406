// `npm run bench`: consentry side by side with vanilla-cookieconsent and Klaro (from
// node_modules) on the same page with the same tagged trackers, in local Chromium. Prints a
// table and writes it to bench/RESULTS.md (and into docs/demo-and-bench.md between markers).
// Medians of RUNS page loads per tool; tools are interleaved so machine noise hits all alike.
import { execSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { chromium } from 'playwright-core';
import { measure } from '../scripts/sizes.mjs';
import { startServers } from '../test/support/servers.mjs';
import { chromiumArgs, executablePath } from '../test/support/chromium.mjs';
import { tools, trackerScripts } from './pages.mjs';

const RUNS = Number(process.env.BENCH_RUNS || 5);
const THROTTLE = 4;
const started = Date.now();

/** Installed in every page before any of its scripts: observers and a per-frame visibility probe. */
const probe = (visible) => `
  window.__bench = { longtasks: [], cls: 0, visibleAt: null, clickAt: null };
  new PerformanceObserver((l) => { for (const e of l.getEntries()) __bench.longtasks.push(e.duration); }).observe({ type: 'longtask' });
  new PerformanceObserver((l) => { for (const e of l.getEntries()) if (!e.hadRecentInput) __bench.cls += e.value; }).observe({ type: 'layout-shift' });
  addEventListener('click', () => { if (__bench.clickAt == null) __bench.clickAt = performance.now(); }, true);
  const check = () => { try { if (document.body && ${visible}) { __bench.visibleAt = performance.now(); return; } } catch {} requestAnimationFrame(check); };
  requestAnimationFrame(check);`;

/** One page load of one tool: metrics before the click, then Accept all → the tagged script runs. */
const measureLoad = async (browser, servers, tool, throttled) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  try {
    await page.addInitScript(probe(tool.visible));
    if (throttled) await (await context.newCDPSession(page)).send('Emulation.setCPUThrottlingRate', { rate: THROTTLE });
    servers.log.length = 0;
    await page.goto(`${servers.site}/${tool.name}`, { waitUntil: 'load' });
    if (tool.hasBanner) await page.waitForFunction(() => window.__bench.visibleAt != null, null, { timeout: 20000 });
    // Let work triggered by showing the banner finish, so its long tasks and shifts count.
    await page.waitForTimeout(throttled ? 1000 : 300);
    const trackerBeforeClick = servers.log.length;
    const before = await page.evaluate(() => ({ ...window.__bench, dcl: performance.getEntriesByType('navigation')[0].domContentLoadedEventEnd }));
    const common = {
      visible: before.visibleAt,
      afterDcl: before.visibleAt == null ? null : before.visibleAt - before.dcl,
      longtasks: before.longtasks.length,
      longest: Math.max(0, ...before.longtasks),
      tbt: before.longtasks.reduce((sum, d) => sum + Math.max(0, d - 50), 0),
      cls: before.cls,
      trackerBeforeClick,
    };
    if (tool.baseline) return { ...common, clickToRun: null };
    if (tool.hasBanner) await tool.accept(page).click();
    else await page.evaluate(() => { window.__bench.clickAt = performance.now(); window.consentry.acceptAll(); });
    await page.waitForFunction(() => window.__ran?.some(([name]) => name == 'analytics'), null, { timeout: 20000 });
    const clickToRun = await page.evaluate(() => window.__ran.find(([name]) => name == 'analytics')[1] - window.__bench.clickAt);
    return { ...common, clickToRun };
  } finally {
    await context.close();
  }
};

const median = (values) => {
  const v = values.filter((x) => x != null).sort((a, b) => a - b);
  if (!v.length) return null;
  const mid = v.length >> 1;
  return v.length % 2 ? v[mid] : (v[mid - 1] + v[mid]) / 2;
};
const ms = (x) => (x == null ? 'n/a' : `${Math.round(x)}`);
const kb = (bytes) => (bytes ? `${(bytes / 1024).toFixed(1)} KB` : '–');
const sumSizes = (files) => files.map(measure).reduce((a, s) => ({ raw: a.raw + s.raw, gzip: a.gzip + s.gzip, brotli: a.brotli + s.brotli }), { raw: 0, gzip: 0, brotli: 0 });
const table = (header, rows) => [`| ${header.join(' | ')} |`, `|${header.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');

/** Flatten `{ with: { medianMs } }` to `[['with.medianMs', value]]`. */
const flatten = (value, prefix = '') =>
  value && typeof value == 'object' && !Array.isArray(value)
    ? Object.entries(value).flatMap(([k, v]) => flatten(v, prefix ? `${prefix}.${k}` : k))
    : [[prefix, Array.isArray(value) ? JSON.stringify(value) : String(value)]];

/** Render whatever bench/fetch-overhead.mjs returns: rows of objects, or one (nested) object. */
const renderExtra = (result) => {
  if (Array.isArray(result) && result.length && typeof result[0] == 'object') {
    const keys = Object.keys(result[0]);
    return table(keys, result.map((r) => keys.map((k) => String(r[k]))));
  }
  if (result && typeof result == 'object') return table(['measure (ms unless named)', 'value'], flatten(result));
  return String(result);
};

const main = async () => {
  const servers = await startServers();
  const list = tools();
  for (const [path, body] of Object.entries(trackerScripts)) servers.thirdParty(path, body);
  for (const tool of list) {
    servers.page(`/${tool.name}`, tool.page(servers.tracker));
    for (const [path, route] of Object.entries(tool.routes)) servers.page(path, route);
  }
  const browser = await chromium.launch({ executablePath, args: chromiumArgs });
  try {
    const results = new Map(list.map((t) => [t.name, { plain: [], throttled: [] }]));
    for (let run = 0; run < RUNS; run++) {
      for (const tool of list) results.get(tool.name).plain.push(await measureLoad(browser, servers, tool, false));
      for (const tool of list) results.get(tool.name).throttled.push(await measureLoad(browser, servers, tool, true));
      process.stdout.write(`run ${run + 1}/${RUNS} done (${Math.round((Date.now() - started) / 1000)} s)\n`);
    }

    const m = (tool, pass, key) => median(results.get(tool.name)[pass].map((r) => r[key]));
    const sizes = list.map((t) => sumSizes(t.assets));
    const row = (label, f) => [label, ...list.map(f)];
    const rows = [
      row('Version', (t) => t.version),
      row('Files to show the banner', (t) => t.assets.map((a) => a.split('/').pop()).join(' + ') || '–'),
      row('JS + CSS, raw', (_, i) => kb(sizes[i].raw)),
      row('JS + CSS, gzip', (_, i) => kb(sizes[i].gzip)),
      row('JS + CSS, brotli', (_, i) => kb(sizes[i].brotli)),
      row('Banner visible after navigation (ms)', (t) => ms(m(t, 'plain', 'visible'))),
      row('Banner visible after DOMContentLoaded (ms)', (t) => ms(m(t, 'plain', 'afterDcl'))),
      row(`Banner visible after navigation, ${THROTTLE}× CPU (ms)`, (t) => ms(m(t, 'throttled', 'visible'))),
      row(`Long tasks, ${THROTTLE}× CPU (count / longest ms)`, (t) => `${m(t, 'throttled', 'longtasks')} / ${ms(m(t, 'throttled', 'longest'))}`),
      row(`Total blocking time, ${THROTTLE}× CPU (ms)`, (t) => ms(m(t, 'throttled', 'tbt'))),
      row('CLS (4× CPU)', (t) => m(t, 'throttled', 'cls').toFixed(3)),
      row('Requests to the tracker origin before any click', (t) => String(Math.max(...results.get(t.name).plain.map((r) => r.trackerBeforeClick)))),
      row('Accept all click → tagged script ran (ms)', (t) => ms(m(t, 'plain', 'clickToRun')) + (t.hasBanner || t.baseline ? '' : ' (API call)')),
      row(`Accept all click → tagged script ran, ${THROTTLE}× CPU (ms)`, (t) => ms(m(t, 'throttled', 'clickToRun')) + (t.hasBanner || t.baseline ? '' : ' (API call)')),
    ];
    const bundles = [
      ['gatekeeper (core)', 'dist/consentry.gatekeeper.js'],
      ['banner', 'dist/consentry.banner.js'],
      ['full (gatekeeper + banner)', 'dist/consentry.js'],
    ].map(([label, file]) => {
      if (!existsSync(file)) return [label, `\`${file}\``, 'not built', '', ''];
      const s = measure(file);
      return [label, `\`${file}\``, `${s.raw} B`, `${s.gzip} B`, `${s.brotli} B`];
    });

    let extra = '';
    if (existsSync('bench/fetch-overhead.mjs')) {
      const { measureFetchOverhead } = await import('./fetch-overhead.mjs');
      extra = `\n\n### URL-rule interception overhead (bench/fetch-overhead.mjs)\n\n${renderExtra(await measureFetchOverhead(browser, servers))}`;
    }

    const chromiumVersion = browser.version();
    const machine = `${execSync('nproc').toString().trim()} CPUs (nproc), ${cpus()[0]?.model ?? 'unknown CPU'}, Chromium ${chromiumVersion}, Node ${process.version}`;
    const markdown = `<!-- generated by \`npm run bench\` (bench/run.mjs); do not edit by hand -->
Measured ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC on ${machine}.
Medians of ${RUNS} page loads per tool, tools interleaved, a fresh browser context (no stored consent) per load;
same page, same two tagged third-party scripts, each tool installed as its docs describe.
Sizes are the files needed to show the banner, compressed one by one (gzip -9, brotli -q 11).

${table(['', ...list.map((t) => t.name)], rows)}

### consentry bundles

${table(['bundle', 'file', 'raw', 'gzip', 'brotli'], bundles)}${extra}
`;
    console.log(`\n${markdown}`);
    writeFileSync('bench/RESULTS.md', `# Bench results\n\n${markdown}`);
    const docs = 'docs/demo-and-bench.md';
    if (existsSync(docs)) {
      const text = readFileSync(docs, 'utf8');
      const updated = text.replace(/<!-- bench:start -->[\s\S]*<!-- bench:end -->/, `<!-- bench:start -->\n${markdown}<!-- bench:end -->`);
      if (updated != text) writeFileSync(docs, updated);
    }
    console.log(`bench took ${Math.round((Date.now() - started) / 1000)} s; written to bench/RESULTS.md`);
  } finally {
    await browser.close();
    await servers.close();
  }
};

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
