// `consentry scan` on local fixture sites that use real vendor host names (Chromium's
// --host-resolver-rules to a local HTTPS server, passed through --browser-arg): what a site
// owner and a regulator would read in the report.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { copyFileSync, mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { browserFlags, startSite, startVendors } from '../support/scan-sites.mjs';
import {
  brokenConfigSite,
  cleanSite,
  leakySite,
  noBannerSite,
  stuckSite,
  taggedSite,
  vanillaSite,
} from '../support/scan-fixtures.mjs';
import { createMarkdownRenderer } from 'vitepress';
import { chromium } from 'playwright-core';
import { chromiumArgs, executablePath } from '../support/chromium.mjs';

/** Open a written report.html in Chromium at a phone's width; returns what a reader sees there. */
const readReportOnPhone = async (file) => {
  const browser = await chromium.launch({ executablePath, args: chromiumArgs });
  try {
    const page = await browser.newPage({ viewport: { width: 375, height: 740 } });
    await page.goto(`file://${file}`);
    return await page.evaluate(() => ({
      overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
      firstHeading: document.querySelector('h2')?.textContent,
      violations: [...(document.querySelector('h3 + ol.findings')?.children ?? [])].map((li) => ({
        text: li.textContent,
        fixVisible: !!li.querySelector('.fix')?.checkVisibility(),
      })),
      open: [...document.querySelectorAll('details')].filter((d) => d.open).length,
      closed: document.querySelectorAll('details').length,
      rawTablesVisible: [...document.querySelectorAll('table')].filter((t) => t.checkVisibility()).length,
    }));
  } finally {
    await browser.close();
  }
};

const CLI = new URL('../../packages/cli/dist/cli.js', import.meta.url).pathname;

/** Run the CLI; resolves { code, stdout, stderr } (async: the fixture servers live in this process). */
const consentry = (args, env = {}) =>
  new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, ...args], { env: { ...process.env, ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });

let vendors;
before(async () => {
  vendors = await startVendors();
});
after(() => vendors.close());

/** Scan `site` into a fresh directory; returns the exit code, the output and report.json. */
const scan = async (site, ...extra) => {
  const out = mkdtempSync(join(tmpdir(), 'consentry-scan-out-'));
  const result = await consentry(['scan', site.url, '--pages', '3', '--out', out, ...browserFlags(vendors), ...extra]);
  assert.ok(result.code != 2, `the scan ran: ${result.stderr.slice(-500)}`);
  return { ...result, out, report: JSON.parse(readFileSync(join(out, 'report.json'), 'utf8')) };
};

const violations = (report) => report.findings.filter((f) => f.severity == 'violation');
const thirdPartyHosts = (phase) => [...new Set(phase.requests.filter((r) => !r.firstParty).map((r) => r.host))];

describe('consentry scan', { concurrency: true }, () => {
  test('a clean consentry site exits 0; accept loads its analytics; the report, declaration and draft config are written', async () => {
    const site = await startSite(cleanSite);
    try {
      const { code, report, out } = await scan(site);
      assert.equal(code, 0, JSON.stringify(violations(report), null, 1));
      assert.deepEqual(violations(report), []);
      // Breadth-first: the start page's link, then what sitemap.xml adds (before the link two levels down).
      assert.deepEqual(report.pages, [site.url, `${site.url}about.html`, `${site.url}hidden.html`]);
      assert.deepEqual(report.cmp, { name: 'consentry', via: 'consentry-banner', rejected: true, accepted: true });
      assert.deepEqual(thirdPartyHosts(report.phases['before-consent']), []);
      assert.deepEqual(thirdPartyHosts(report.phases['after-reject']), []);
      // Accepting really granted: gtag.js loaded, sent its hit and wrote _ga, attributed to gtag.js.
      const accepted = report.phases['after-accept'];
      assert.deepEqual(thirdPartyHosts(accepted).sort(), ['region1.google-analytics.com', 'www.googletagmanager.com']);
      const hit = accepted.requests.find((r) => r.host == 'region1.google-analytics.com' && r.type == 'ping');
      assert.equal(hit.service, 'google-analytics');
      assert.match(hit.initiator[0], /googletagmanager\.com\/gtag\/js/);
      const ga = accepted.cookies.find((c) => c.name == '_ga');
      assert.equal(ga.firstParty, true);
      assert.match(ga.setBy, /^https:\/\/www\.googletagmanager\.com\/gtag\/js/);
      // gtag.js asks for 2 years; Chromium caps every cookie at 400 days (RFC 6265bis), and the declaration says what the browser keeps.
      assert.ok(ga.expires * 1000 > Date.now() + 390 * 86400000, `expiry read from the cookie: ${ga.expires}`);
      for (const key of ['tool', 'version', 'startUrl', 'pages', 'cmp', 'phases', 'findings', 'config'])
        assert.ok(key in report, key);
      const html = readFileSync(join(out, 'report.html'), 'utf8');
      assert.match(
        html,
        /<img alt="[^"]+" src="data:image\/png;base64,[A-Za-z0-9+/]{1000,}/,
        'the banner screenshot is inline',
      );
      assert.doesNotMatch(html, /<(script|link)\b/i, 'self-contained and inert');
      const md = readFileSync(join(out, 'cookie-declaration.md'), 'utf8');
      assert.match(
        md,
        /\| \\_ga \| Google Analytics \\\(Google LLC\\\) \| Analytics \| .+ \| 13 months \| First party \|/,
      );
      assert.match(md, /\| \\_ga \| Google Analytics \\\(Google LLC\\\) \| 统计分析 \| .+ \| 13 个月 \| 第一方 \|/);
      assert.match(readFileSync(join(out, 'cookie-declaration.html'), 'utf8'), /<section lang="zh-CN">/);
      assert.deepEqual(JSON.parse(readFileSync(join(out, 'consentry.config.json'), 'utf8')), report.config);
    } finally {
      await site.close();
    }
  });

  test('each planted leak exits 1 and is named; the draft config plus consentry tag makes the next scan exit 0', async () => {
    const site = await startSite(leakySite);
    try {
      const first = await scan(site);
      assert.equal(first.code, 1);
      const found = violations(first.report);
      const has = (what) =>
        assert.ok(
          found.some((f) => Object.entries(what).every(([k, v]) => f[k] == v)),
          `a finding ${JSON.stringify(what)} in\n${first.stdout}`,
        );
      // A static untagged tag (the preload scanner fetches it before any script).
      has({
        phase: 'before-consent',
        kind: 'static-tag',
        host: 'cdn.mxpnl.com',
        page: site.url,
        category: 'analytics',
      });
      // A pixel only on the third page of the crawl.
      has({ phase: 'before-consent', kind: 'request', host: 'www.facebook.com', page: `${site.url}third.html` });
      assert.ok(
        !first.report.phases['before-consent'].requests.some(
          (r) => r.host == 'www.facebook.com' && r.page != `${site.url}third.html`,
        ),
      );
      // A first-party analytics cookie set before consent, attributed to the script that wrote it.
      has({ phase: 'before-consent', kind: 'cookie', name: '_ga', service: 'google-analytics', category: 'analytics' });
      assert.match(
        found.find((f) => f.name == '_ga').message,
        /first-party cookie _ga .*set by https:\/\/www\.googletagmanager\.com\/gtag\/js\?id=G-LEAK/,
      );
      // A beacon that fires only after a reject.
      has({ phase: 'after-reject', kind: 'request', host: 'mc.yandex.ru', category: 'analytics' });
      assert.ok(!found.some((f) => f.host == 'mc.yandex.ru' && f.phase == 'before-consent'));
      assert.equal(first.report.phases['after-reject'].requests.find((r) => r.host == 'mc.yandex.ru').type, 'ping');
      // A storage key, attributed to Mixpanel's library.
      has({ phase: 'before-consent', kind: 'storage', name: 'mp_fixture_mixpanel', category: 'analytics' });
      assert.match(first.stdout, /VIOLATION .*mp_fixture_mixpanel.*written by https:\/\/cdn\.mxpnl\.com/);
      // IndexedDB databases are named and attributed too.
      const db = first.report.phases['before-consent'].storage.find((s) => s.kind == 'indexedDB');
      assert.equal(db?.key, 'mixpanelBrowserDb');
      assert.match(db.setBy, /^https:\/\/cdn\.mxpnl\.com\//);
      // The pixel's third-party cookie (Set-Cookie on Meta's domain) is kept, as most visitors' browsers still do, and attributed to that response.
      const fr = first.report.phases['before-consent'].cookies.find((c) => c.name == 'fr');
      assert.equal(fr?.domain, '.facebook.com');
      assert.equal(fr.firstParty, false);
      assert.equal(fr.refused, undefined, 'third-party cookies are allowed');
      assert.match(fr.setBy, /^https:\/\/www\.facebook\.com\/tr/);
      has({ phase: 'before-consent', kind: 'cookie', name: 'fr', page: `${site.url}third.html` });

      // report.html leads with what to do, each violation with its fix; the raw records are collapsed; nothing overflows a 375 px phone.
      const seen = await readReportOnPhone(join(first.out, 'report.html'));
      assert.ok(seen.overflow <= 0, `overflows a 375 px viewport by ${seen.overflow} px`);
      assert.equal(seen.firstHeading, 'What to do');
      assert.equal(seen.violations.length, found.length);
      assert.ok(
        seen.violations.every((v) => v.fixVisible && /Fix: /.test(v.text)),
        JSON.stringify(seen.violations.slice(0, 2)),
      );
      assert.ok(
        seen.violations.some((v) => /cdn\.mxpnl\.com/.test(v.text) && /consentry tag/.test(v.text)),
        "the static tag's fix is consentry tag",
      );
      assert.deepEqual([seen.open, seen.rawTablesVisible], [0, 0]);
      assert.ok(seen.closed >= 9, `${seen.closed} collapsed sections`);

      // The fix: the draft config on the site, and its static tags tagged.
      copyFileSync(join(first.out, 'consentry.config.json'), join(site.dir, 'consentry.config.json'));
      const pages = readdirSync(site.dir)
        .filter((f) => f.endsWith('.html'))
        .map((f) => join(site.dir, f));
      const tagged = await consentry(['tag', ...pages, '--config', join(site.dir, 'consentry.config.json'), '--write']);
      assert.equal(tagged.code, 0, tagged.stderr);
      const second = await scan(site, '--baseline', join(first.out, 'report.json'));
      assert.equal(second.code, 0, second.stdout);
      assert.deepEqual(violations(second.report), []);
      assert.equal(
        second.report.phases['after-reject'].ran,
        true,
        'the draft config is valid: the banner stored the choice',
      );
      assert.deepEqual(second.report.phases['after-reject'].consentryErrors, []);
      // Nothing was lost: after accept every vendor still loads.
      assert.deepEqual(thirdPartyHosts(second.report.phases['after-accept']).sort(), [
        'api-js.mixpanel.com',
        'cdn.mxpnl.com',
        'region1.google-analytics.com',
        'www.facebook.com',
        'www.googletagmanager.com',
      ]);
      assert.deepEqual(second.report.baseline.new, []);
      assert.equal(second.report.baseline.gone.length, found.length);
      assert.match(second.stdout, new RegExp(`${found.length} gone`));
    } finally {
      await site.close();
    }
  });

  test("cookies written by released tagged scripts are declared as their service: the demo's qj_remember (qj-account, identity) and a tagged GA snippet's _ga", async () => {
    const site = await startSite(taggedSite);
    try {
      const { code, report, out } = await scan(site);
      assert.equal(code, 0, JSON.stringify(violations(report), null, 1));
      const accepted = report.phases['after-accept'].cookies;
      const qj = accepted.find((c) => c.name == 'qj_remember');
      assert.deepEqual(
        [qj?.service, qj?.category, qj?.consent],
        ['qj-account', 'identity', ['qj-account']],
        JSON.stringify(qj),
      );
      assert.equal(qj.setBy, site.url, "written by the page's own (tagged) inline script, not by consentry");
      const ga = accepted.find((c) => c.name == '_ga');
      assert.deepEqual([ga?.service, ga?.category], ['google-analytics', 'analytics'], JSON.stringify(ga));
      const md = readFileSync(join(out, 'cookie-declaration.md'), 'utf8');
      assert.match(md, /^\| qj\\_remember \| This site \| Remember me \|/m);
      assert.match(md, /^\| \\_ga \| Google Analytics \\\(Google LLC\\\) \| Analytics \|/m);
      assert.doesNotMatch(md, /^\| (qj\\_remember|\\_ga) \|[^\n]*(consentry|Strictly necessary)/m);
      // Only what consentry itself writes is consentry's.
      assert.equal(accepted.find((c) => c.name == 'consentry')?.vendor, 'consentry');
    } finally {
      await site.close();
    }
  });

  test('a never-answering image on the start page does not stop the scan: it is named, and a request made before the click is never reported after it', async () => {
    const site = await startSite(stuckSite);
    try {
      const { code, report, stdout } = await scan(site, '--load-timeout', '2');
      assert.equal(code, 0, stdout);
      assert.deepEqual(report.pages, [site.url, `${site.url}about.html`]);
      assert.deepEqual(report.cmp, { name: 'consentry', via: 'consentry-banner', rejected: true, accepted: true });
      const stuck = report.findings.filter((f) => f.severity == 'review' && /never answered/.test(f.message));
      assert.deepEqual(
        stuck.map((f) => [f.phase, f.page]),
        [
          ['before-consent', site.url],
          ['after-reject', site.url],
        ],
      );
      assert.match(
        stdout,
        new RegExp(`review +before consent: ${site.url}never-answers never answered on / \\(no answer within 2 s\\)`),
      );
      // The ping the page sends while no choice is stored happened before the click: "before consent" only.
      const pings = (phase) => report.phases[phase].requests.filter((r) => r.url.endsWith('/no-choice-yet.txt')).length;
      assert.deepEqual([pings('before-consent'), pings('after-reject'), pings('after-accept')], [1, 0, 0]);
    } finally {
      await site.close();
    }
  });

  test('a consentry site whose config is invalid exits 1 and says why, even when nothing else could be classified', async () => {
    const site = await startSite(brokenConfigSite);
    try {
      const { code, report, stdout } = await scan(site);
      assert.equal(code, 1, stdout);
      const config = report.findings.find((f) => f.kind == 'config');
      assert.equal(config?.severity, 'violation');
      assert.match(config.message, /config\.revison/);
      assert.match(stdout, /^VIOLATION the site's consentry config is invalid \(config\.revison/m);
    } finally {
      await site.close();
    }
  });

  test('a vanilla-cookieconsent site is operated through autoconsent, and report.cmp names it', async () => {
    const site = await startSite(vanillaSite);
    try {
      const { code, report, stdout } = await scan(site);
      assert.equal(code, 0, JSON.stringify(violations(report), null, 1));
      assert.deepEqual(report.cmp, { name: 'cookieconsent3', via: 'autoconsent', rejected: true, accepted: true });
      assert.match(stdout, /banner: cookieconsent3/);
      assert.deepEqual(thirdPartyHosts(report.phases['after-reject']), []);
      assert.ok(
        report.phases['after-reject'].cookies.some((c) => c.name == 'cc_cookie'),
        'the reject was stored by vanilla-cookieconsent',
      );
      assert.ok(
        thirdPartyHosts(report.phases['after-accept']).includes('www.googletagmanager.com'),
        'accepting released its data-category script',
      );
      // Its own consent cookie, written by its own script, is something nobody classified: a review.
      assert.ok(report.findings.some((f) => f.severity == 'review' && f.name == 'cc_cookie'));
    } finally {
      await site.close();
    }
  });

  test('a site without a banner that can be operated: said so, only the first phase reported; an unclassified third party fails only --strict', async () => {
    const site = await startSite(noBannerSite);
    try {
      const [plain, strict] = await Promise.all([scan(site), scan(site, '--strict')]);
      assert.equal(plain.code, 0, plain.stdout);
      assert.equal(strict.code, 1, strict.stdout);
      const { report, stdout } = plain;
      assert.deepEqual(report.cmp, { name: null, via: null, rejected: false, accepted: false });
      assert.equal(report.phases['after-reject'].ran, false);
      assert.match(report.phases['after-reject'].note, /no consent banner found/);
      assert.equal(report.phases['after-accept'].ran, false);
      assert.match(stdout, /banner: none could be operated/);
      assert.match(
        stdout,
        /^review +before consent: image request to px\.shopbuddy-widgets\.io \(purpose unknown: needs review\)/m,
      );
      assert.deepEqual(violations(report), []);
      // The site's hostile cookie names stay text in the declaration, rendered as a VitePress docs page renders Markdown (raw HTML allowed).
      const names = report.phases['before-consent'].cookies.map((c) => c.name);
      assert.ok(
        names.includes('<img src onerror>') && names.includes('[click](javascript:alert(3))'),
        `the browser kept the hostile names: ${names}`,
      );
      const md = await createMarkdownRenderer(tmpdir(), {}, '/');
      const rendered = md.render(readFileSync(join(plain.out, 'cookie-declaration.md'), 'utf8'));
      assert.doesNotMatch(rendered, /<(script|img|svg|iframe)\b/i, rendered);
      // The only links are VitePress's own heading anchors.
      assert.deepEqual(
        [...rendered.matchAll(/<a\b[^>]*>/g)]
          .map((m) => m[0])
          .filter((a) => !/^<a class="header-anchor" href="#[^"&<>:]+"/.test(a)),
        [],
      );
      const tables = rendered.match(/<tbody>[\s\S]*?<\/tbody>/g).join('\n');
      assert.doesNotMatch(
        tables,
        /\{\{|<(strong|em|code)>/,
        'no Vue interpolation and no Markdown emphasis from a cookie name',
      );
      const cells = (row) => [...row.matchAll(/<td>(.*?)<\/td>/g)].map((m) => m[1]);
      const rows = [...rendered.matchAll(/<tr>\n([\s\S]*?)<\/tr>/g)].map((m) => cells(m[1])).filter((r) => r.length);
      assert.ok(
        rows.every((r) => r.length == 6),
        'every row keeps its six columns',
      );
      const text = (html) =>
        html
          .replace(/&lt;/g, '<')
          .replace(/&gt;/g, '>')
          .replace(/&quot;/g, '"')
          .replace(/&amp;/g, '&')
          .replace(/\u200b/g, '');
      for (const name of names)
        assert.ok(
          rows.some((r) => text(r[0]) == name),
          `the cookie ${name} reads as written`,
        );
    } finally {
      await site.close();
    }
  });

  test('a bad URL, an unreachable site and a missing browser exit 2 with a one-line reason', async () => {
    const closedPort = await new Promise((resolve) => {
      const s = createServer().listen(0, '127.0.0.1', () => {
        const { port } = s.address();
        s.close(() => resolve(port));
      });
    });
    const cases = [
      [['scan', 'not a url'], {}, /^consentry scan: "not a url" is not a URL/],
      [['scan', 'ftp://127.0.0.1/'], {}, /only http\(s\) URLs/],
      [
        ['scan', `http://127.0.0.1:${closedPort}/`],
        {},
        new RegExp(`^consentry scan: cannot load http://127\\.0\\.0\\.1:${closedPort}/: net::ERR_CONNECTION_REFUSED$`),
      ],
      [
        ['scan', 'http://127.0.0.1/', '--browser', '/nonexistent/chrome'],
        {},
        /--browser \/nonexistent\/chrome: no such file/,
      ],
      [
        ['scan', 'http://127.0.0.1/'],
        { CHROMIUM_PATH: '/nonexistent/chromium' },
        /CHROMIUM_PATH=\/nonexistent\/chromium: no such file/,
      ],
      [['scan', 'http://127.0.0.1/', '--pages', 'zero'], {}, /--pages: expected a whole number/],
    ];
    await Promise.all(
      cases.map(async ([args, env, reason]) => {
        const r = await consentry([...args, '--out', mkdtempSync(join(tmpdir(), 'consentry-scan-bad-'))], env);
        assert.equal(r.code, 2, `${args.join(' ')}: ${r.stderr}`);
        // Progress lines may come first (plain lines off a terminal); the reason is one line, the last.
        const lines = r.stderr.trim().split('\n');
        assert.match(lines.at(-1), reason);
        assert.equal(
          lines.filter((l) => !/^consentry scan: before consent: /.test(l)).length,
          1,
          `one line: ${r.stderr}`,
        );
      }),
    );
  });
});
