// `npm run bench`: consentry side by side with vanilla-cookieconsent and Klaro (from
// node_modules) on the same page with the same tagged trackers, in local Chromium. Prints the
// tables and writes them into docs/benchmarks.md (between its bench-results markers), with the
// per-file sizes (scripts/sizes.mjs, between its sizes markers).
// Medians of RUNS page loads per tool; tools are interleaved so machine noise hits all alike.
import { execSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { chromium } from 'playwright-core';
import { measure, writeSizes } from '../scripts/sizes.mjs';
import { startServers } from '../test/support/servers.mjs';
import { chromiumArgs, executablePath } from '../test/support/chromium.mjs';
import { tools, trackerScripts } from './pages.mjs';
import { describeTask, traceTasks } from './trace.mjs';

const RUNS = Number(process.env.BENCH_RUNS || 5);
const THROTTLE = 4;
const TRACES = Number(process.env.BENCH_TRACES || 3);
const started = Date.now();
const DOC = 'docs/benchmarks.md';
const START = '<!-- bench-results:start -->';
const END = '<!-- bench-results:end -->';

/**
 * Installed in every page before any of its scripts: long tasks (start and duration, so each
 * can be placed before, at or after DOMContentLoaded), the scripts that ran in long animation
 * frames (the Long Animation Frames API names each one's source URL), layout shifts, the click
 * time, and a per-frame visibility probe. Its DOMContentLoaded listener is the first one registered.
 */
const probe = (visible) => `
  window.__bench = { longtasks: [], scripts: [], cls: 0, visibleAt: null, clickAt: null, dclStart: null };
  new PerformanceObserver((l) => { for (const e of l.getEntries()) __bench.longtasks.push([e.startTime, e.duration]); }).observe({ type: 'longtask' });
  new PerformanceObserver((l) => { for (const e of l.getEntries()) for (const s of e.scripts) __bench.scripts.push([s.startTime, s.duration, s.sourceURL]); }).observe({ type: 'long-animation-frame' });
  new PerformanceObserver((l) => { for (const e of l.getEntries()) if (!e.hadRecentInput) __bench.cls += e.value; }).observe({ type: 'layout-shift' });
  document.addEventListener('DOMContentLoaded', () => { __bench.dclStart = performance.now(); });
  addEventListener('click', () => { if (__bench.clickAt == null) __bench.clickAt = performance.now(); }, true);
  const check = () => { try { if (document.body && ${visible}) { __bench.visibleAt = performance.now(); return; } } catch {} requestAnimationFrame(check); };
  requestAnimationFrame(check);`;

/**
 * Where a long task sits: `head` (ended before DOMContentLoaded: head scripts, parsing, the
 * first frames), `dcl` (running when DOMContentLoaded fired: its handlers, and for consentry
 * the banner's mount and first render), `after` (later tasks: deferred work, animation frames).
 */
const phaseOf = ([start, duration], dclStart) =>
  start + duration <= dclStart ? 'head' : start <= dclStart ? 'dcl' : 'after';

/**
 * The long tasks a tool caused (docs/decisions/2026-12-02-long-tasks.md: "no long task over 50 ms
 * caused by consentry"): those that ran one of the tool's own scripts (a Long Animation Frames script
 * entry, 5 ms or more, whose source URL is one of the tool's files, init script included)
 * and the one that rendered its banner's first frame (the frame in which the probe first saw
 * it). Counted whole: the page's own work in the same task counts against the tool.
 */
const causedBy = (tool, { longtasks, scripts, visibleAt }) =>
  longtasks.filter(([start, duration]) => {
    const within = (t) => t != null && t >= start && t <= start + duration;
    return (
      within(visibleAt) ||
      scripts.some(([at, , url]) => within(at) && Object.hasOwn(tool.files, new URL(url || 'about:blank').pathname))
    );
  });

/** The tool's files this load fetched from the site (servers.siteLog), once each. */
const fetched = (servers, tool) => [...new Set(servers.siteLog.filter((p) => tool.files[p]))];
const brotliOf = (urls, tool) => urls.reduce((sum, u) => sum + measure(tool.files[u]).brotli, 0);

/**
 * One page load of one tool: metrics before the click, then Accept all → the tagged script
 * runs; unthrottled loads then reload as the returning visitor (a valid choice stored).
 */
const measureLoad = async (browser, servers, tool, throttled) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  try {
    await page.addInitScript(probe(tool.visible));
    if (throttled) await (await context.newCDPSession(page)).send('Emulation.setCPUThrottlingRate', { rate: THROTTLE });
    servers.log.length = 0;
    servers.siteLog.length = 0;
    await page.goto(`${servers.site}/${tool.name}`, { waitUntil: 'load' });
    if (tool.hasBanner) await page.waitForFunction(() => window.__bench.visibleAt != null, null, { timeout: 20000 });
    // Let work triggered by showing the banner finish, so its long tasks and shifts count.
    await page.waitForTimeout(throttled ? 1000 : 300);
    const trackerBeforeClick = servers.log.length;
    const filesBeforeClick = fetched(servers, tool);
    const before = await page.evaluate(() => ({
      ...window.__bench,
      dcl: performance.getEntriesByType('navigation')[0].domContentLoadedEventEnd,
    }));
    const durations = before.longtasks.map(([, d]) => d);
    const longestIn = (phase) =>
      Math.max(0, ...before.longtasks.filter((t) => phaseOf(t, before.dclStart) == phase).map(([, d]) => d));
    const common = {
      visible: before.visibleAt,
      afterDcl: before.visibleAt == null ? null : before.visibleAt - before.dcl,
      longtasks: durations.length,
      longest: Math.max(0, ...durations),
      caused: Math.max(0, ...causedBy(tool, before).map(([, d]) => d)),
      head: longestIn('head'),
      dcl: longestIn('dcl'),
      after: longestIn('after'),
      tbt: durations.reduce((sum, d) => sum + Math.max(0, d - 50), 0),
      cls: before.cls,
      trackerBeforeClick,
      bytesBeforeClick: brotliOf(filesBeforeClick, tool),
      filesBeforeClick: filesBeforeClick.join(' + '),
    };
    if (tool.baseline) return { ...common, clickToRun: null };
    if (tool.hasBanner) await tool.accept(page).click();
    else
      await page.evaluate(() => {
        window.__bench.clickAt = performance.now();
        window.consentry.acceptAll();
      });
    await page.waitForFunction(() => window.__ran?.some(([name]) => name == 'analytics'), null, { timeout: 20000 });
    // Split the click → run time with the script's resource timing (cross-origin entries keep
    // startTime and responseEnd): the tool's work before the request, the fetch, then the wait
    // for the main thread and the script's own evaluation.
    const click = await page.evaluate(() => {
      const ran = window.__ran.find(([name]) => name == 'analytics')[1];
      const clickAt = window.__bench.clickAt;
      const fetched = performance
        .getEntriesByType('resource')
        .find((e) => e.name.endsWith('/analytics.js') && e.startTime >= clickAt);
      return {
        clickToRun: ran - clickAt,
        clickToRequest: fetched ? fetched.startTime - clickAt : null,
        fetch: fetched ? fetched.responseEnd - fetched.startTime : null,
        responseToRun: fetched ? ran - fetched.responseEnd : null,
      };
    });
    let returning = {};
    if (!throttled) {
      // The returning visitor: same context (the choice is stored), a fresh page load.
      await page.waitForTimeout(300);
      servers.siteLog.length = 0;
      await page.reload({ waitUntil: 'load' });
      await page.waitForFunction(() => window.__ran?.some(([name]) => name == 'analytics'), null, { timeout: 20000 });
      await page.waitForTimeout(300);
      const files = fetched(servers, tool);
      returning = {
        returningBytes: brotliOf(files, tool),
        returningBanner: files.some((f) => tool.bannerFiles.includes(f)),
        returningFiles: files.join(' + '),
      };
    }
    return { ...common, ...click, ...returning };
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
const table = (header, rows) =>
  [
    `| ${header.join(' | ')} |`,
    `|${header.map(() => '---').join('|')}|`,
    ...rows.map((r) => `| ${r.join(' | ')} |`),
  ].join('\n');

/** Flatten `{ with: { medianMs } }` to `[['with.medianMs', value]]`. */
const flatten = (value, prefix = '') =>
  value && typeof value == 'object' && !Array.isArray(value)
    ? Object.entries(value).flatMap(([k, v]) => flatten(v, prefix ? `${prefix}.${k}` : k))
    : [[prefix, Array.isArray(value) ? JSON.stringify(value) : String(value)]];

/** Render whatever bench/fetch-overhead.mjs returns: rows of objects, or one (nested) object. */
const renderExtra = (result) => {
  if (Array.isArray(result) && result.length && typeof result[0] == 'object') {
    const keys = Object.keys(result[0]);
    return table(
      keys,
      result.map((r) => keys.map((k) => String(r[k]))),
    );
  }
  if (result && typeof result == 'object') return table(['measure (ms unless named)', 'value'], flatten(result));
  return String(result);
};

const main = async () => {
  const servers = await startServers();
  // BENCH_TOOLS=consentry,Klaro runs a subset (while iterating); the baseline is always kept.
  const only = process.env.BENCH_TOOLS?.split(',');
  const list = tools().filter((t) => !only || t.baseline || only.includes(t.name));
  const site = list.find((t) => t.name == 'consentry-site-build');
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
    /** The most common file list of a tool's unthrottled loads. */
    const files = (tool, key) => {
      const counts = new Map();
      for (const r of results.get(tool.name).plain) counts.set(r[key], (counts.get(r[key]) ?? 0) + 1);
      return [...counts]
        .sort((a, b) => b[1] - a[1])[0]?.[0]
        ?.split(' + ')
        .map((u) => u.split('/').pop())
        .join(' + ');
    };
    const row = (label, f) => [label, ...list.map(f)];
    const rows = [
      row('Version', (t) => t.version),
      row('Files fetched before any click (first visit)', (t) => files(t, 'filesBeforeClick') || '–'),
      row('JS + CSS before any click, brotli', (t) => kb(m(t, 'plain', 'bytesBeforeClick'))),
      row('Returning visitor (valid choice): files fetched', (t) =>
        t.baseline ? '–' : files(t, 'returningFiles') || '–',
      ),
      row('Returning visitor: JS + CSS downloaded, brotli / banner code?', (t) =>
        t.baseline
          ? '–'
          : `${kb(m(t, 'plain', 'returningBytes'))} / ${results.get(t.name).plain.some((r) => r.returningBanner) ? 'yes' : 'no'}`,
      ),
      row('Banner visible after navigation (ms)', (t) => ms(m(t, 'plain', 'visible'))),
      row('Banner visible after DOMContentLoaded (ms)', (t) => ms(m(t, 'plain', 'afterDcl'))),
      row(`Banner visible after navigation, ${THROTTLE}× CPU (ms)`, (t) => ms(m(t, 'throttled', 'visible'))),
      row(
        `Long tasks, ${THROTTLE}× CPU (count / longest ms)`,
        (t) => `${m(t, 'throttled', 'longtasks')} / ${ms(m(t, 'throttled', 'longest'))}`,
      ),
      row(`Longest task caused by the tool, ${THROTTLE}× CPU (ms, 0 = none over 50; see below)`, (t) =>
        t.baseline ? 'n/a' : ms(m(t, 'throttled', 'caused')),
      ),
      row(`Longest task before / at / after DOMContentLoaded, ${THROTTLE}× CPU (ms, 0 = none over 50)`, (t) =>
        ['head', 'dcl', 'after'].map((p) => ms(m(t, 'throttled', p))).join(' / '),
      ),
      row(`Total blocking time, ${THROTTLE}× CPU (ms)`, (t) => ms(m(t, 'throttled', 'tbt'))),
      row('CLS (4× CPU)', (t) => m(t, 'throttled', 'cls').toFixed(3)),
      row('Requests to the tracker origin before any click', (t) =>
        String(Math.max(...results.get(t.name).plain.map((r) => r.trackerBeforeClick))),
      ),
      row(
        'Accept all click → tagged script ran (ms)',
        (t) => ms(m(t, 'plain', 'clickToRun')) + (t.hasBanner || t.baseline ? '' : ' (API call)'),
      ),
      row('… of which: click → script requested / fetch / response → ran (ms)', (t) =>
        t.baseline ? 'n/a' : ['clickToRequest', 'fetch', 'responseToRun'].map((k) => ms(m(t, 'plain', k))).join(' / '),
      ),
      row(
        `Accept all click → tagged script ran, ${THROTTLE}× CPU (ms)`,
        (t) => ms(m(t, 'throttled', 'clickToRun')) + (t.hasBanner || t.baseline ? '' : ' (API call)'),
      ),
      row(`… of which, ${THROTTLE}× CPU: click → requested / fetch / response → ran (ms)`, (t) =>
        t.baseline
          ? 'n/a'
          : ['clickToRequest', 'fetch', 'responseToRun'].map((k) => ms(m(t, 'throttled', k))).join(' / '),
      ),
    ];
    // What `consentry build` writes for the bench config (the per-file table is scripts/sizes.mjs's).
    const written = site?.files['/tool/site/consentry.gatekeeper.js'];
    const siteBuilt = written && existsSync(written) ? measure(written) : null;

    // What the long tasks are: TRACES traced loads per tool, unthrottled, CPU time × THROTTLE
    // (bench/trace.mjs); the load whose biggest task is the median one is described.
    const traced = new Map();
    for (let run = 0; run < TRACES; run++)
      for (const tool of list)
        traced.set(tool.name, [...(traced.get(tool.name) ?? []), await traceTasks(browser, servers, tool, THROTTLE)]);
    const biggest = (tasks) => Math.max(0, ...tasks.map((t) => t.ms));
    const medianTrace = (name) => {
      const loads = [...traced.get(name)].sort((a, b) => biggest(a) - biggest(b));
      return loads[loads.length >> 1];
    };
    rows.splice(
      rows.findIndex((r) => r[0].startsWith('Total blocking')),
      0,
      row(`Biggest main-thread task, CPU time × ${THROTTLE} (ms; machine-load independent, see below)`, (t) =>
        ms(median(traced.get(t.name).map(biggest))),
      ),
    );

    // The performance goals (docs/benchmarks.md), consentry beside vanilla-cookieconsent in this run.
    const us = list.find((t) => t.name == 'consentry');
    const vcc = list.find((t) => t.name == 'vanilla-cookieconsent');
    let goals = '';
    if (us && vcc) {
      const a = (key, pass = 'throttled') => m(us, pass, key);
      const b = (key, pass = 'throttled') => m(vcc, pass, key);
      const goal = (label, mine, theirs, ok, target, how) => [
        label,
        mine,
        theirs,
        target,
        ok ? (how ?? 'met') : '**not met**',
      ];
      /** Whether any of the tool's returning-visitor loads fetched banner code. */
      const banner = (t) => results.get(t.name).plain.some((r) => r.returningBanner);
      goals = `\n\n### Goals, consentry vs vanilla-cookieconsent in this run (${THROTTLE}× CPU, wall clock, medians)\n\n${table(
        ['goal', 'consentry', 'vanilla-cookieconsent', 'target', ''],
        [
          goal('Total blocking time (ms)', ms(a('tbt')), ms(b('tbt')), a('tbt') <= b('tbt'), '≤ vcc'),
          goal(
            'Longest task caused by the tool (ms; its scripts ran in it, or it rendered its banner)',
            ms(a('caused')),
            ms(b('caused')),
            a('caused') <= 50,
            '≤ 50',
          ),
          goal(
            'JS + CSS before any click, brotli',
            kb(a('bytesBeforeClick', 'plain')),
            kb(b('bytesBeforeClick', 'plain')),
            a('bytesBeforeClick', 'plain') <= 0.9 * b('bytesBeforeClick', 'plain'),
            '≤ 0.9× vcc',
          ),
          goal(
            'Banner visible after navigation (ms)',
            ms(a('visible')),
            ms(b('visible')),
            a('visible') <= 0.8 * b('visible'),
            '≤ 0.8× vcc',
          ),
          goal(
            'Accept all click → tagged script ran (ms)',
            ms(a('clickToRun')),
            ms(b('clickToRun')),
            a('clickToRun') <= b('clickToRun'),
            '≤ vcc',
          ),
          // The 7 KB budget is met by the site build (docs/decisions/2026-12-02-site-build.md); the generic head script,
          // which checks the config and carries the whole catalog in the browser, is shown beside it.
          goal(
            `Returning visitor: downloaded, brotli / banner code${site ? ' (script tag · site build)' : ''}`,
            [us, site]
              .filter(Boolean)
              .map((t) => `${kb(m(t, 'plain', 'returningBytes'))} / ${banner(t) ? 'yes' : 'no'}`)
              .join(' · '),
            `${kb(b('returningBytes', 'plain'))} / yes`,
            [us, site].some((t) => t && m(t, 'plain', 'returningBytes') <= 7168 && !banner(t)),
            '≤ 7 KB, none',
            site && m(us, 'plain', 'returningBytes') > 7168 ? 'met by the site build' : undefined,
          ),
          goal('CLS', a('cls').toFixed(3), b('cls').toFixed(3), a('cls') == 0, '0'),
        ],
      )}`;
    }

    let extra = '';
    if (existsSync('bench/fetch-overhead.mjs')) {
      const { measureFetchOverhead } = await import('./fetch-overhead.mjs');
      extra = `\n\n### URL-rule interception overhead (bench/fetch-overhead.mjs)\n\n${renderExtra(await measureFetchOverhead(browser, servers))}`;
    }

    const chromiumVersion = browser.version();
    const machine = `${execSync('nproc').toString().trim()} CPUs (nproc), ${cpus()[0]?.model ?? 'unknown CPU'}, Chromium ${chromiumVersion}, Node ${process.version}`;
    const markdown = `Measured ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC on ${machine}.
Medians of ${RUNS} page loads per tool, tools interleaved, a fresh browser context (no stored consent) per load;
same page, same two tagged third-party scripts, each tool installed as its docs describe.
Bytes are the tool's files each load really fetched (the site server's request log), compressed one by one (brotli -q 11);
consentry is installed as its docs say (the head script, which fetches the rest from beside itself when needed); "consentry-site-build" is the same with the head script \`consentry build\` writes ([site build](./guide/install.md#site-build)${siteBuilt ? ', ' + siteBuilt.brotli + ' B brotli with the bench config' : ''}); "consentry-one-file" is the one-file consentry.js.

${table(['', ...list.map((t) => t.name)], rows)}

"Longest task caused by the tool" (the budget: no long task over 50 ms caused by
consentry) counts a long task when one of the tool's own scripts ran in it (the Long Animation
Frames API names each script of 5 ms or more by its source URL; the tool's init script counts
as the tool's) or when it rendered the frame in which its banner first appeared. Such a task
counts whole, the page's own work in it included; a long task of the page alone (its first
layout, say) does not count. "Long tasks … longest" is every long task on the page.${goals}

### CPU-time view: what the long tasks are (Chrome trace, CPU time × ${THROTTLE})

On a shared machine the wall-clock length of a throttled task mostly measures the other
processes. So each tool's page is also loaded ${TRACES} time(s) unthrottled under a Chrome trace
(CDP \`Tracing\`, bench/trace.mjs): each main-thread task's CPU time (the trace's thread time)
× ${THROTTLE} estimates its length on a ${THROTTLE}× slower CPU, and is split by what ran inside it
(self time). Listed: the tasks that estimate exceeds 50 ms (else the biggest one), from the
load with the median biggest task. Sync IPC waits (e.g. \`document.cookie\`) cost wall time but
little CPU time, so this slightly flatters code that makes them.

${table(
  ['tool', `tasks over 50 ms at ${THROTTLE}× (CPU time × ${THROTTLE}): what ran inside, ms`],
  list.map((t) => [t.name, medianTrace(t.name).map(describeTask).join('<br>')]),
)}

${extra.trimStart()}`;
    console.log(`\n${markdown}`);
    const doc = readFileSync(DOC, 'utf8');
    const a = doc.indexOf(START);
    const b = doc.indexOf(END);
    if (a < 0 || b < a) throw new Error(`bench: the markers ${START} and ${END} are missing in ${DOC}`);
    writeFileSync(DOC, `${doc.slice(0, a + START.length)}\n${markdown.trim()}\n${doc.slice(b)}`);
    writeSizes();
    console.log(`bench took ${Math.round((Date.now() - started) / 1000)} s; written to ${DOC}`);
  } finally {
    await browser.close();
    await servers.close();
  }
};

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
