// report.html (docs/scanner.md): self-contained (inline CSS, the banner's screenshot as a
// data: URL), findings first, then a table per phase.
import { escapeHtml as e } from './html-escape.js';
import type { Finding, PhaseName, ScanReport } from './types.js';

const PHASES: Array<[PhaseName, string]> = [['before-consent', 'Before consent'], ['after-reject', 'After “Reject all”'], ['after-accept', 'After “Accept all”']];

const table = (headers: string[], rows: string[][]): string =>
  rows.length
    ? `<table><thead><tr>${headers.map((h) => `<th scope="col">${e(h)}</th>`).join('')}</tr></thead><tbody>${rows.map((r) => `<tr>${r.map((c) => `<td>${e(c)}</td>`).join('')}</tr>`).join('')}</tbody></table>`
    : '<p class="none">None.</p>';

const findingRows = (findings: Finding[]) => findings.map((f) => [f.severity, f.phase, f.kind, f.host ?? f.name ?? '', f.service ?? '', f.category ?? '', f.message]);

/** The whole report as one HTML document. */
export const reportHtml = (report: ScanReport, screenshot?: Buffer): string => {
  const violations = report.findings.filter((f) => f.severity == 'violation').length;
  const reviews = report.findings.length - violations;
  const verdict = violations ? `${violations} violation(s)` : 'No violations';
  const cmp = report.cmp.name ? `${report.cmp.name}${report.cmp.via ? ` (operated via ${report.cmp.via})` : ''}` : 'none found that could be operated';
  const phases = PHASES.map(([key, title]) => {
    const p = report.phases[key];
    if (!p.ran) return `<section><h2>${e(title)}</h2><p>${e(p.note ?? 'not run')}</p></section>`;
    return `<section><h2>${e(title)}</h2>
<h3>Requests (${p.requests.length})</h3>${table(['Host', 'Type', 'Page', 'Service', 'Category', 'Party', 'Initiator', 'Failed'], p.requests.map((r) => [r.host, r.type, r.page, r.service ?? r.vendor ?? '', r.category ?? 'needs review', r.firstParty ? 'first' : 'third', r.initiator[0] ?? '', r.failed ?? '']))}
<h3>Cookies (${p.cookies.length})</h3>${table(['Name', 'Domain', 'Party', 'Expires', 'Set by', 'Service', 'Category', 'Refused'], p.cookies.map((c) => [c.name, c.domain, c.firstParty ? 'first' : 'third', c.expires < 0 ? 'session' : new Date(c.expires * 1000).toISOString().slice(0, 10), c.setBy ?? '', c.service ?? c.vendor ?? '', c.category ?? 'needs review', c.refused ?? '']))}
<h3>Storage (${p.storage.length})</h3>${table(['Origin', 'Kind', 'Key', 'Written by', 'Service', 'Category'], p.storage.map((s) => [s.origin, s.kind, s.key, s.setBy ?? '', s.service ?? s.vendor ?? '', s.category ?? 'needs review']))}</section>`;
  }).join('\n');
  const shot = screenshot ? `<figure><img alt="The first page as a visitor sees it before consent, with its banner" src="data:image/png;base64,${screenshot.toString('base64')}"><figcaption>The start page before consent (the banner as shown to visitors).</figcaption></figure>` : '';
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>consentry scan: ${e(report.startUrl)}</title>
<style>body{font:14px/1.45 system-ui,sans-serif;margin:2rem auto;max-width:80rem;padding:0 1rem;color:#1a1a1a}h1{font-size:1.5rem}table{border-collapse:collapse;width:100%;margin:.5rem 0 1.5rem}th,td{border:1px solid #d0d0d0;padding:.25rem .4rem;text-align:left;vertical-align:top;overflow-wrap:anywhere}th{background:#f3f3f3}.verdict{font-size:1.2rem;font-weight:600}.bad{color:#a40000}.ok{color:#05660f}figure img{max-width:100%;border:1px solid #ccc}.none{color:#555}</style></head>
<body>
<h1>consentry scan of ${e(report.startUrl)}</h1>
<p class="verdict ${violations ? 'bad' : 'ok'}">${e(verdict)}${reviews ? e(`, ${reviews} to review`) : ''}</p>
<p>Scanned ${e(report.date)} with consentry ${e(report.version)} · ${report.pages.length} page(s) · consent banner: ${e(cmp)}</p>
${report.siteConfigError ? `<p class="verdict bad">The site's consentry config is invalid: ${e(report.siteConfigError)}</p>` : ''}
<h2>Findings</h2>${table(['Severity', 'Phase', 'Kind', 'What', 'Service', 'Category', 'Message'], findingRows(report.findings))}
${report.baseline ? `<h2>Since the baseline (${e(report.baseline.file)})</h2><h3>New</h3>${table(['Severity', 'Phase', 'Kind', 'What', 'Service', 'Category', 'Message'], findingRows(report.baseline.new))}<h3>Gone</h3>${table(['Severity', 'Phase', 'Kind', 'What', 'Service', 'Category', 'Message'], findingRows(report.baseline.gone))}` : ''}
${shot}
<h2>Static tags that load a third party before any script</h2>${table(['Page', 'Tag', 'URL', 'Service', 'Category'], report.staticTags.map((t) => [t.page, t.html, t.url, t.service ?? t.vendor ?? '', t.category ?? 'needs review']))}
<h2>Pages</h2><ol>${report.pages.map((p) => `<li>${e(p)}</li>`).join('')}</ol>
${phases}
<h2>Draft config</h2><pre>${e(JSON.stringify(report.config, null, 2))}</pre>
</body></html>
`;
};
