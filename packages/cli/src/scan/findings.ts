// The scan's conclusions (docs/scanner.md): a violation is anything not strictly necessary
// that happens before consent or after reject; a third party nobody could classify needs review.
// After accept nothing is a finding: what was granted may run.
import { NECESSARY } from 'consentry/shared';
import type { Classification, Finding, PhaseName, PhaseReport, ScanReport, Severity, StaticTagEntry } from './types.js';

const WHEN: Record<PhaseName, string> = {
  'before-consent': 'before consent',
  'after-reject': 'after "Reject all"',
  'after-accept': 'after "Accept all"',
};

/** violation, review, or nothing (strictly necessary, or the site's own and unclassified). */
const severityOf = (c: Classification): Severity | null =>
  c.category == NECESSARY ? null : c.category ? 'violation' : 'review';

/** "Mixpanel, analytics" or "unknown: needs review". */
const what = (c: Classification): string =>
  c.category
    ? [c.service ?? c.vendor, c.category].filter(Boolean).join(', ')
    : `${c.vendor ? `${c.vendor}, ` : ''}purpose unknown: needs review`;

/** The page's path for messages (the full URL is in `page`). */
const pathOf = (url: string): string => {
  try {
    const u = new URL(url);
    return u.pathname + u.search;
  } catch {
    return url;
  }
};

const finding = (
  phase: PhaseName,
  kind: Finding['kind'],
  id: { host?: string; name?: string },
  page: string,
  c: Classification,
  severity: Severity,
  message: string,
): Finding => ({
  phase,
  kind,
  ...id,
  page,
  ...(c.service ? { service: c.service } : {}),
  ...(c.category ? { category: c.category } : {}),
  severity,
  message,
});

/** The findings of one phase (one per host, cookie or key: the first page it happened on). */
const phaseFindings = (phase: PhaseName, report: PhaseReport): Finding[] => {
  const out: Finding[] = [];
  const seen = new Set<string>();
  const once = (key: string) => !seen.has(key) && !!seen.add(key);
  for (const r of report.requests) {
    if (r.stuck && once(`stuck|${r.url}`))
      out.push(
        finding(
          phase,
          'request',
          { host: r.host },
          r.page,
          r,
          'review',
          `${WHEN[phase]}: ${r.url} never answered on ${pathOf(r.page)} (${r.failed}); it holds the page's load event, and the scan went on without it`,
        ),
      );
    const severity = r.firstParty ? null : severityOf(r);
    if (!severity || !once(`request|${r.host}`)) continue;
    out.push(
      finding(
        phase,
        'request',
        { host: r.host },
        r.page,
        r,
        severity,
        `${WHEN[phase]}: ${r.type} request to ${r.host} (${what(r)}) on ${pathOf(r.page)}${r.initiator[0] ? `, started by ${r.initiator[0]}` : ''}`,
      ),
    );
  }
  for (const c of report.cookies) {
    if (c.refused) continue; // never stored: the browser refused it
    const severity = severityOf(c);
    if (!severity || !once(`cookie|${c.name}|${c.domain}`)) continue;
    out.push(
      finding(
        phase,
        'cookie',
        { name: c.name },
        c.page,
        c,
        severity,
        `${WHEN[phase]}: ${c.firstParty ? 'first' : 'third'}-party cookie ${c.name} on ${c.domain} (${what(c)})${c.setBy ? `, set by ${c.setBy}` : ''}, on ${pathOf(c.page)}`,
      ),
    );
  }
  for (const s of report.storage) {
    const severity = severityOf(s);
    if (!severity || !once(`storage|${s.origin}|${s.kind}|${s.key}`)) continue;
    out.push(
      finding(
        phase,
        'storage',
        { name: s.key },
        s.page,
        s,
        severity,
        `${WHEN[phase]}: ${s.kind} key "${s.key}" on ${s.origin} (${what(s)})${s.setBy ? `, written by ${s.setBy}` : ''}, on ${pathOf(s.page)}`,
      ),
    );
  }
  return out;
};

/**
 * Every finding of a scan: an invalid consentry config first (its banner cannot store a
 * choice, so nothing the site declares optional can be refused), static tags (the fix is in
 * the HTML), then per phase.
 */
export const findingsOf = (
  phases: ScanReport['phases'],
  staticTags: StaticTagEntry[],
  start: string,
  siteConfigError?: string,
): Finding[] => {
  const config: Finding[] = siteConfigError
    ? [
        {
          phase: 'before-consent',
          kind: 'config',
          page: start,
          severity: 'violation',
          message: `the site's consentry config is invalid (${siteConfigError.replace(/^consentry: /, '')}): its banner cannot store a choice; fix the config (the draft consentry.config.json is a valid start)`,
        },
      ]
    : [];
  const tags = staticTags.flatMap((t) => {
    const severity = severityOf(t);
    return severity
      ? [
          finding(
            'before-consent',
            'static-tag',
            { host: t.host },
            t.page,
            t,
            severity,
            `static <${t.tag}> on ${pathOf(t.page)} loads ${t.url} (${what(t)}) before any script can act: tag it (consentry tag)`,
          ),
        ]
      : [];
  });
  return [
    ...config,
    ...tags,
    ...phaseFindings('before-consent', phases['before-consent']),
    ...phaseFindings('after-reject', phases['after-reject']),
  ];
};

/** A finding's identity across scans (pages and messages may change; what and where may not). */
const identity = (f: Finding): string => `${f.phase}|${f.kind}|${f.host ?? ''}|${f.name ?? ''}|${f.severity}`;

/** What is new in `current` and gone from `earlier` (--baseline). */
export const compareFindings = (current: Finding[], earlier: Finding[]): { new: Finding[]; gone: Finding[] } => {
  const was = new Set(earlier.map(identity));
  const is = new Set(current.map(identity));
  return { new: current.filter((f) => !was.has(identity(f))), gone: earlier.filter((f) => !is.has(identity(f))) };
};
