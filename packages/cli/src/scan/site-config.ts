// The scanned site's own consentry config as a second opinion: what it declares optional
// (rules, own services, listed cookies) is a violation when it happens before consent, even
// where no catalog knows the host.
import { resolveConfig } from 'consentry/shared';
import { catalog } from 'consentry/services';
import { siteConfigClassifier } from './classify.js';
import type { Classification, ScanReport, StaticTagEntry } from './types.js';

/** Fill in, from the site's valid config, the classification of what nothing else classified. */
export const classifyBySiteConfig = (
  phases: ScanReport['phases'],
  staticTags: StaticTagEntry[],
  siteConfig: unknown,
): void => {
  let classify: ReturnType<typeof siteConfigClassifier>;
  try {
    classify = siteConfigClassifier(resolveConfig(siteConfig, catalog));
  } catch {
    return; // an invalid config declares nothing; the report says it is invalid
  }
  const fill = (entry: Classification, c: Classification) => {
    if (!entry.category && c.category) Object.assign(entry, c);
  };
  for (const t of staticTags) fill(t, classify.byUrl(t.url));
  for (const phase of Object.values(phases)) {
    for (const r of phase.requests) if (!r.firstParty) fill(r, classify.byUrl(r.url));
    for (const c of phase.cookies) {
      fill(c, c.consent ? classify.byKeys(c.consent) : {}); // the tagged script that wrote it, first
      fill(c, c.setBy ? classify.byUrl(c.setBy) : {}); // then its setter, as everywhere
      fill(c, classify.byCookie(c.name));
    }
    for (const s of phase.storage) {
      fill(s, s.consent ? classify.byKeys(s.consent) : {});
      if (s.setBy) fill(s, classify.byUrl(s.setBy));
    }
  }
};
