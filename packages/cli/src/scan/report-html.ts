// report.html (docs/scanner.md): self-contained (inline CSS, the banner's screenshot as a
// data: URL). It leads with what to do — the findings by severity, each with its fix — and
// keeps the raw records (pages, static tags, each phase's requests, cookies and storage)
// collapsed below. Readable on a phone: long URLs wrap, wide tables scroll in their own box.
import { escapeHtml as e } from './html-escape.js';
import type { Finding, PhaseName, ScanReport } from './types.js';

const PHASES: Array<[PhaseName, string]> = [
  ['before-consent', 'Before consent'],
  ['after-reject', 'After “Reject all”'],
  ['after-accept', 'After “Accept all”'],
];

const STYLE = `*{box-sizing:border-box}body{font:15px/1.5 system-ui,sans-serif;margin:0 auto;max-width:60rem;padding:1rem;color:#1a1a1a;overflow-wrap:anywhere}
h1{font-size:1.4rem;line-height:1.25}h2{font-size:1.2rem;margin-top:2rem}.verdict{font-size:1.15rem;font-weight:600}.bad{color:#a40000}.ok{color:#05660f}
ol.findings{padding-left:1.4rem}ol.findings li{margin:.2rem 0 .9rem}.fix{margin:.2rem 0 0;padding:.35rem .6rem;background:#f2f6ff;border-left:3px solid #2a5bd7}
.tag{display:inline-block;font-size:.75rem;font-weight:600;padding:0 .35rem;border-radius:.25rem;background:#eee;margin-right:.3rem}
details{margin:.4rem 0;border:1px solid #d0d0d0;border-radius:.3rem;padding:.3rem .6rem}summary{cursor:pointer;font-weight:600}
.scroll{overflow-x:auto;max-width:100%}table{border-collapse:collapse;margin:.5rem 0;font-size:.85rem}th,td{border:1px solid #d0d0d0;padding:.2rem .35rem;text-align:left;vertical-align:top;min-width:6rem;max-width:28rem;overflow-wrap:anywhere}th{background:#f3f3f3}
pre{white-space:pre-wrap;overflow-wrap:anywhere;background:#f7f7f7;padding:.5rem}code{overflow-wrap:anywhere}figure{margin:1rem 0}figure img{max-width:100%;height:auto;border:1px solid #ccc}.none{color:#555}`;

const table = (headers: string[], rows: string[][]): string =>
  rows.length
    ? `<div class="scroll"><table><thead><tr>${headers.map((h) => `<th scope="col">${e(h)}</th>`).join('')}</tr></thead><tbody>${rows.map((r) => `<tr>${r.map((c) => `<td>${e(c)}</td>`).join('')}</tr>`).join('')}</tbody></table></div>`
    : '<p class="none">None.</p>';

/** A collapsed section of raw records. */
const details = (summary: string, body: string): string => `<details><summary>${e(summary)}</summary>${body}</details>`;

/** What the data-consent key of a finding would be: its service, else its category. */
const keyOf = (f: Finding): string => f.service ?? f.category ?? 'analytics';

/** What to do about a finding, in one or two sentences. */
export const fixFor = (f: Finding): string => {
  if (f.kind == 'config')
    return 'Correct the key the message names (the scan wrote a valid draft, consentry.config.json, beside this report), then scan again.';
  if (f.severity == 'review') {
    if (/never answered/.test(f.message))
      return 'Check that URL: a resource that never answers keeps the page loading for every visitor.';
    return `Decide what it is for. If the site cannot work without it, it is strictly necessary: list it in the cookie declaration. Otherwise add its ${f.kind == 'request' ? 'host to a rule' : 'name to a category or service'} in the config (the draft config has a start) and tag what loads it.`;
  }
  const key = keyOf(f);
  if (f.kind == 'static-tag')
    return `Tag it so it waits for consent: run consentry tag <your html files> --config consentry.config.json --write, or write it as type="text/plain" data-consent="${key}" (img/iframe: data-src).`;
  if (f.phase == 'after-reject')
    return `It still happens after "Reject all": the code that does it must wait for consent. Tag the script with data-consent="${key}", or check window.consentry.granted('${f.category ?? key}') before it runs.`;
  if (f.kind == 'request')
    return `Load it only after consent: tag the script or element that makes it with data-consent="${key}", or add ${f.host ?? 'its host'} to a rule in the config so the gatekeeper holds untagged requests to it (the draft config does).`;
  return `Tag the script that writes it with data-consent="${key}", and list ${f.name ?? 'it'} under that ${f.service ? 'service' : 'category'} in the config, so it is declared and removed when a visitor refuses.`;
};

const PHASE_WORD: Record<PhaseName, string> = {
  'before-consent': 'before consent',
  'after-reject': 'after reject',
  'after-accept': 'after accept',
};

/** The findings of one severity as a numbered list, each with its fix. */
const findingList = (findings: Finding[]): string =>
  findings.length
    ? `<ol class="findings">${findings.map((f) => `<li><p><span class="tag">${e(PHASE_WORD[f.phase])}</span><span class="tag">${e(f.kind)}</span>${e(f.message)}</p><p class="fix"><strong>Fix:</strong> ${e(fixFor(f))}</p></li>`).join('')}</ol>`
    : '<p class="none">None.</p>';

const findingRows = (findings: Finding[]) =>
  findings.map((f) => [f.severity, f.phase, f.kind, f.host ?? f.name ?? '', f.message]);

/** The whole report as one HTML document. */
export const reportHtml = (report: ScanReport, screenshot?: Buffer): string => {
  const violations = report.findings.filter((f) => f.severity == 'violation');
  const reviews = report.findings.filter((f) => f.severity == 'review');
  const verdict = violations.length ? `${violations.length} violation(s) to fix` : 'No violations';
  const cmp = report.cmp.name
    ? `${report.cmp.name}${report.cmp.via ? ` (operated via ${report.cmp.via})` : ''}`
    : 'none found that could be operated';
  const phases = PHASES.map(([key, title]) => {
    const p = report.phases[key];
    if (!p.ran) return details(`${title}: not scanned`, `<p>${e(p.note ?? 'not run')}</p>`);
    return [
      details(
        `${title}: requests (${p.requests.length})`,
        table(
          ['Host', 'Type', 'Page', 'Service', 'Category', 'Party', 'Initiator', 'Failed'],
          p.requests.map((r) => [
            r.host,
            r.type,
            r.page,
            r.service ?? r.vendor ?? '',
            r.category ?? 'needs review',
            r.firstParty ? 'first' : 'third',
            r.initiator[0] ?? '',
            r.failed ?? '',
          ]),
        ),
      ),
      details(
        `${title}: cookies (${p.cookies.length})`,
        table(
          ['Name', 'Domain', 'Party', 'Expires', 'Set by', 'Service', 'Category', 'Refused'],
          p.cookies.map((c) => [
            c.name,
            c.domain,
            c.firstParty ? 'first' : 'third',
            c.expires < 0 ? 'session' : new Date(c.expires * 1000).toISOString().slice(0, 10),
            c.setBy ?? '',
            c.service ?? c.vendor ?? '',
            c.category ?? 'needs review',
            c.refused ?? '',
          ]),
        ),
      ),
      details(
        `${title}: storage (${p.storage.length})`,
        table(
          ['Origin', 'Kind', 'Key', 'Written by', 'Service', 'Category'],
          p.storage.map((s) => [
            s.origin,
            s.kind,
            s.key,
            s.setBy ?? '',
            s.service ?? s.vendor ?? '',
            s.category ?? 'needs review',
          ]),
        ),
      ),
    ].join('\n');
  }).join('\n');
  const shot = screenshot
    ? `<figure><img alt="The first page as a visitor sees it before consent, with its banner" src="data:image/png;base64,${screenshot.toString('base64')}"><figcaption>The start page before consent (the banner as shown to visitors).</figcaption></figure>`
    : '';
  const baseline = report.baseline
    ? `<h2>Since the baseline</h2><p>${e(`${report.baseline.new.length} new, ${report.baseline.gone.length} gone since ${report.baseline.file}`)}</p>${details(`New (${report.baseline.new.length})`, table(['Severity', 'Phase', 'Kind', 'What', 'Message'], findingRows(report.baseline.new)))}${details(`Gone (${report.baseline.gone.length})`, table(['Severity', 'Phase', 'Kind', 'What', 'Message'], findingRows(report.baseline.gone)))}`
    : '';
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>consentry scan: ${e(report.startUrl)}</title>
<style>${STYLE}</style></head>
<body>
<h1>consentry scan of ${e(report.startUrl)}</h1>
<p class="verdict ${violations.length ? 'bad' : 'ok'}">${e(verdict)}${reviews.length ? e(`, ${reviews.length} to review`) : ''}</p>
<h2>What to do</h2>
<h3>Violations (${violations.length})</h3>
${findingList(violations)}
<h3>To review (${reviews.length})</h3>
${findingList(reviews)}
${baseline}
<h2>What was scanned</h2>
<p>${e(`Scanned ${report.date} with consentry ${report.version} · ${report.pages.length} page(s) · consent banner: ${cmp}`)}</p>
${shot}
${details(`Pages (${report.pages.length})`, `<ol>${report.pages.map((p) => `<li>${e(p)}</li>`).join('')}</ol>`)}
${details(
  `Static tags that load a third party before any script (${report.staticTags.length})`,
  table(
    ['Page', 'Tag', 'URL', 'Service', 'Category'],
    report.staticTags.map((t) => [t.page, t.html, t.url, t.service ?? t.vendor ?? '', t.category ?? 'needs review']),
  ),
)}
${phases}
${details('Draft config (consentry.config.json)', `<pre>${e(JSON.stringify(report.config, null, 2))}</pre>`)}
</body></html>
`;
};
