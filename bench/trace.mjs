// What the long tasks are: load a bench page with a Chrome trace (CDP Tracing) and split every
// big main-thread task into what ran inside it (script evaluation, DOMContentLoaded handlers,
// microtasks such as Lit's render, style, layout, paint).
//
// Durations are main-thread CPU time (the trace's thread time, `tdur`), measured without
// throttling and multiplied by the throttle factor: on a shared machine the wall-clock length
// of a task mostly measures the other processes, while its CPU time does not. bench/run.mjs
// imports traceTasks(); `node bench/trace.mjs [tool] [runs]` prints the breakdown for one tool.
import { chromium } from 'playwright-core';
import { chromiumArgs, executablePath } from '../test/support/chromium.mjs';
import { startServers } from '../test/support/servers.mjs';
import { tools, trackerScripts } from './pages.mjs';

const CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8.execute', 'loading'];
const LONG = 50; // ms: the Long Tasks API threshold

/** What a trace event is, in the words docs/benchmarks.md uses (null: not labelled, its time goes to its parent). */
const label = (e) => {
  const d = e.args?.data ?? {};
  const file = (u) => (u ? u.split('/').pop().split('?')[0] : '');
  switch (e.name) {
    case 'EvaluateScript':
      return `evaluate ${file(d.url) || 'inline script'}`;
    case 'v8.compile':
      return `compile ${file(d.url) || 'script'}`;
    case 'ParseHTML':
      return 'parse HTML';
    case 'EventDispatch':
      return `${d.type} event`;
    case 'FireAnimationFrame':
      return 'requestAnimationFrame';
    case 'TimerFire':
      return 'timer';
    case 'RunMicrotasks':
      return 'microtasks';
    case 'FunctionCall':
      return `call into ${file(d.url) || 'script'}`;
    case 'UpdateLayoutTree':
      return 'style recalc';
    case 'Layout':
      return 'layout';
    case 'Paint':
    case 'PrePaint':
    case 'Layerize':
    case 'Commit':
      return 'paint';
    default:
      return null;
  }
};

const cpu = (e) => e.tdur ?? e.dur ?? 0;

/** Split one task by self CPU time of each labelled event inside it (a parent excludes its labelled children). */
const breakdown = (task, events) => {
  const inside = events
    .filter((e) => e !== task && e.ts >= task.ts && e.ts + (e.dur ?? 0) <= task.ts + task.dur && label(e))
    .sort((a, b) => a.ts - b.ts || b.dur - a.dur);
  const nodes = [];
  const stack = [];
  for (const e of inside) {
    while (stack.length && stack.at(-1).end <= e.ts) stack.pop();
    const node = { end: e.ts + e.dur, self: cpu(e), label: label(e) };
    if (stack.length) stack.at(-1).self -= cpu(e);
    stack.push(node);
    nodes.push(node);
  }
  const totals = new Map();
  for (const n of nodes) totals.set(n.label, (totals.get(n.label) ?? 0) + Math.max(0, n.self));
  const covered = [...totals.values()].reduce((a, b) => a + b, 0);
  totals.set('other', Math.max(0, cpu(task) - covered));
  return [...totals].sort((a, b) => b[1] - a[1]).map(([name, us]) => [name, us / 1000]);
};

/**
 * Load `tool`'s page once, traced, without throttling. Returns the main-thread tasks whose CPU
 * time × `scale` exceeds 50 ms (the ones a `scale`× slower CPU would make long), or the biggest
 * task when none does: `{ ms, parts }` in estimated ms at `scale`× (CPU time × scale).
 */
export const traceTasks = async (browser, servers, tool, scale = 4) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  try {
    const cdp = await context.newCDPSession(page);
    const events = [];
    cdp.on('Tracing.dataCollected', ({ value }) => events.push(...value));
    const done = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
    await cdp.send('Tracing.start', { traceConfig: { includedCategories: CATEGORIES }, transferMode: 'ReportEvents' });
    await page.goto(`${servers.site}/${tool.name}`, { waitUntil: 'load' });
    // Wait in Node, not in the page, so no probe of ours shows up in the trace.
    await new Promise((r) => setTimeout(r, 1000));
    await cdp.send('Tracing.end');
    await done;
    // The page's renderer main thread: the thread that parsed our URL.
    const parse = events.find(
      (e) => e.name == 'ParseHTML' && String(e.args?.beginData?.url ?? '').endsWith(encodeURI(tool.name)),
    );
    if (!parse) return [];
    const main = events.filter((e) => e.pid == parse.pid && e.tid == parse.tid && e.ph == 'X');
    // The navigation commit runs before any of the page's code exists; it is not the page's task.
    const commits = main.filter((e) => e.name == 'DocumentLoader::CommitNavigation');
    const tasks = main
      .filter((e) => e.name == 'RunTask' && !commits.some((c) => c.ts >= e.ts && c.ts < e.ts + e.dur))
      .sort((a, b) => cpu(b) - cpu(a));
    const long = tasks.filter((t) => (cpu(t) / 1000) * scale > LONG);
    const scaled = (t) => ({ ms: (cpu(t) / 1000) * scale, parts: breakdown(t, main).map(([n, v]) => [n, v * scale]) });
    return (long.length ? long : tasks.slice(0, 1)).sort((a, b) => a.ts - b.ts).map(scaled);
  } finally {
    await context.close();
  }
};

/** "≈ 64 ms: evaluate consentry.js 40, style recalc 12, …" (parts of 2 ms and more). */
export const describeTask = ({ ms, parts }) =>
  `≈ ${Math.round(ms)} ms${ms > LONG ? '' : ' (not long)'}: ${parts
    .filter(([, v]) => v >= 2)
    .map(([n, v]) => `${n} ${Math.round(v)}`)
    .join(', ')}`;

if (import.meta.url === `file://${process.argv[1]}`) {
  const [name = 'consentry', runs = '3'] = process.argv.slice(2);
  const servers = await startServers();
  const tool = tools().find((t) => t.name == name);
  for (const [path, body] of Object.entries(trackerScripts)) servers.thirdParty(path, body);
  servers.page(`/${tool.name}`, tool.page(servers.tracker));
  for (const [path, route] of Object.entries(tool.routes)) servers.page(path, route);
  const browser = await chromium.launch({ executablePath, args: chromiumArgs });
  try {
    for (let i = 0; i < Number(runs); i++)
      console.log(`run ${i + 1}: ${(await traceTasks(browser, servers, tool)).map(describeTask).join(' | ')}`);
  } finally {
    await browser.close();
    await servers.close();
  }
}
