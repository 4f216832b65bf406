// What one phase records, in every frame (docs/scanner.md): requests with their initiator
// chain and failures (CDP Network), cookies including partitioned and refused ones, storage
// keys and IndexedDB names, each attributed to the response or script that set it.
import type { BrowserContext, CDPSession, Page } from 'playwright-core';
import { classifyRequest, classifyWrite, hostOf, isConsentryBundle, isFirstParty, siteOf } from './classify.js';
import { WRITE_BINDING, WRITE_HOOK, setterOf, type ReportedWrite } from './write-hook.js';
import type { CookieEntry, PhaseReport, RequestEntry, StorageEntry } from './types.js';

/** The CDP events used here (the parts of their parameters that are read). */
interface CdpInitiator {
  url?: string;
  stack?: CdpStack;
}
interface CdpStack {
  callFrames: Array<{ url: string }>;
  parent?: CdpStack;
}
interface RequestWillBeSent {
  requestId: string;
  type?: string;
  request: { url: string };
  initiator: CdpInitiator;
}
interface ExtraInfo {
  requestId: string;
  headers: Record<string, string>;
  blockedCookies: Array<{ blockedReasons: string[]; cookieLine: string }>;
}

/** Script URLs of an initiator, innermost first, without repeats (and without consentry's wrappers). */
const initiatorChain = (initiator: CdpInitiator): string[] => {
  const urls: string[] = [];
  for (let s = initiator.stack; s; s = s.parent) urls.push(...s.callFrames.map((f) => f.url));
  if (initiator.url) urls.push(initiator.url);
  const chain = [...new Set(urls.filter((u) => /^https?:/.test(u)))];
  const authors = chain.filter((u) => !isConsentryBundle(u));
  return authors.length ? authors : chain;
};

const cookieName = (line: string): string => line.split(';')[0].split('=')[0].trim();

/** Records one phase; `page` is the crawled page being visited, set by the caller. */
export class PhaseRecorder {
  page = '';
  private readonly requests = new Map<string, RequestEntry>();
  private readonly cookies = new Map<string, CookieEntry>();
  private readonly storage = new Map<string, StorageEntry>();
  /** Who first wrote a key, by `kind|site|key`. */
  private readonly writers = new Map<string, string>();
  /** The data-consent keys of the tagged script that first wrote a key, by `kind|site|key`. */
  private readonly tagged = new Map<string, string[]>();
  private readonly setCookies: Array<{
    requestId: string;
    names: string[];
    refused: Array<[string, string]>;
    page: string;
  }> = [];
  private readonly urls = new Map<string, string>();
  private readonly errors = new Set<string>();
  /** Requests sent and not yet finished or failed, by request id. */
  private readonly inFlight = new Set<string>();
  /**
   * Whether requests are recorded. A choice phase turns it on at the click: what the page
   * requested before it belongs to "before consent", never to "after Reject all".
   */
  recording = true;

  constructor(
    private readonly site: string,
    private readonly consentCookie: string,
  ) {}

  /** Install the write hook in every frame of `context`. */
  async attach(context: BrowserContext): Promise<void> {
    await context.exposeBinding(WRITE_BINDING, ({ frame }, write: ReportedWrite) => {
      let setter = setterOf(write.stack, isConsentryBundle) ?? frame.url();
      const key = `${write.kind}|${siteOf(hostOf(frame.url()))}|${write.key}`;
      // A released tagged inline script runs inside consentry's release call, so consentry is the
      // only URL on its stack: the page wrote it, under the script's data-consent keys.
      const consent = write.consent.split(/[\s,]+/).filter(Boolean);
      if (consent.length && isConsentryBundle(setter)) setter = frame.url();
      if (consent.length && !this.tagged.has(key)) this.tagged.set(key, consent);
      if (!this.writers.has(key) && /^https?:/.test(setter)) this.writers.set(key, setter);
    });
    await context.addInitScript(WRITE_HOOK);
  }

  /** Listen to a page's network through CDP (site isolation is off: this covers its iframes). */
  async watch(page: Page): Promise<CDPSession> {
    page.on('console', (m) => {
      if (m.type() == 'error' && m.text().startsWith('consentry')) this.errors.add(m.text());
    });
    const cdp = await page.context().newCDPSession(page);
    cdp.on('Network.requestWillBeSent', (e: RequestWillBeSent) => this.onRequest(e));
    cdp.on('Network.loadingFinished', (e: { requestId: string }) => this.inFlight.delete(e.requestId));
    cdp.on('Network.loadingFailed', (e: { requestId: string; errorText: string; blockedReason?: string }) => {
      this.inFlight.delete(e.requestId);
      const entry = this.requests.get(e.requestId);
      if (entry) entry.failed = e.blockedReason ? `${e.errorText} (${e.blockedReason})` : e.errorText;
    });
    cdp.on('Network.responseReceivedExtraInfo', (e: ExtraInfo) => this.onSetCookie(e));
    await cdp.send('Network.enable');
    return cdp;
  }

  private onRequest(e: RequestWillBeSent): void {
    const url = e.request.url;
    if (!/^https?:/.test(url)) return;
    this.urls.set(e.requestId, url);
    if (!this.recording) return;
    this.inFlight.add(e.requestId);
    // A redirect reuses the request id: keep each hop as its own entry.
    const id = this.requests.has(e.requestId) ? `${e.requestId}#${this.requests.size}` : e.requestId;
    const c = classifyRequest(url, this.site);
    this.requests.set(id, {
      url,
      page: this.page,
      type: (e.type ?? 'other').toLowerCase(),
      initiator: initiatorChain(e.initiator),
      ...c,
    });
  }

  private onSetCookie(e: ExtraInfo): void {
    const header = Object.entries(e.headers).find(([k]) => k.toLowerCase() == 'set-cookie')?.[1];
    const names = header ? header.split('\n').map(cookieName).filter(Boolean) : [];
    const refused = e.blockedCookies.map((b): [string, string] => [b.cookieLine, b.blockedReasons.join(', ')]);
    if (names.length || refused.length)
      this.setCookies.push({ requestId: e.requestId, names, refused, page: this.page });
  }

  /** Mark the requests still unanswered as stuck: the page's load event waited `seconds` for them. */
  markStuck(seconds: number): void {
    for (const id of this.inFlight) {
      const entry = this.requests.get(id);
      if (entry && !entry.failed) Object.assign(entry, { stuck: true, failed: `no answer within ${seconds} s` });
    }
  }

  /** Record the cookies and every frame's storage as they are now. */
  async snapshot(page: Page): Promise<void> {
    this.resolveSetCookies();
    for (const c of await page.context().cookies()) {
      const key = `${c.name}|${c.domain}|${c.path}`;
      if (this.cookies.has(key)) continue;
      const host = c.domain.replace(/^\./, '');
      const setBy = this.writers.get(`cookie|${siteOf(host)}|${c.name}`);
      const consent = this.tagged.get(`cookie|${siteOf(host)}|${c.name}`);
      const partitioned = !!(c as { partitionKey?: string }).partitionKey;
      this.cookies.set(key, {
        name: c.name,
        domain: c.domain,
        path: c.path,
        expires: Math.round(c.expires),
        partitioned,
        firstParty: isFirstParty(host, this.site),
        page: this.page,
        ...(setBy ? { setBy } : {}),
        ...(consent ? { consent } : {}),
        ...classifyWrite(c.name, setBy, this.site, this.consentCookie, consent),
      });
    }
    for (const frame of page.frames()) {
      const found = await frame
        .evaluate(async () => {
          const keys = (get: () => Storage) => {
            try {
              return Object.keys(get());
            } catch {
              return [];
            }
          };
          let databases: string[] = [];
          try {
            databases = (await indexedDB.databases()).map((d) => d.name ?? '');
          } catch {
            /* opaque origins have none */
          }
          return {
            origin: location.origin,
            local: keys(() => localStorage),
            session: keys(() => sessionStorage),
            databases,
          };
        })
        .catch(() => null); // a frame detached mid-snapshot has nothing left to read
      if (!found || !/^https?:/.test(found.origin)) continue;
      const lists: Array<[StorageEntry['kind'], string[]]> = [
        ['localStorage', found.local],
        ['sessionStorage', found.session],
        ['indexedDB', found.databases],
      ];
      const host = hostOf(found.origin);
      for (const [kind, keys] of lists)
        for (const key of keys) {
          const id = `${found.origin}|${kind}|${key}`;
          if (this.storage.has(id)) continue;
          const setBy = this.writers.get(`${kind}|${siteOf(host)}|${key}`);
          const consent = this.tagged.get(`${kind}|${siteOf(host)}|${key}`);
          this.storage.set(id, {
            origin: found.origin,
            kind,
            key,
            firstParty: isFirstParty(host, this.site),
            page: this.page,
            ...(setBy ? { setBy } : {}),
            ...(consent ? { consent } : {}),
            ...classifyWrite(key, setBy, this.site, this.consentCookie, consent),
          });
        }
    }
  }

  /** Attribute Set-Cookie headers to their response URL; add the cookies the browser refused. */
  private resolveSetCookies(): void {
    for (const s of this.setCookies.splice(0)) {
      const url = this.urls.get(s.requestId);
      if (!url) continue;
      const host = hostOf(url);
      for (const name of s.names) {
        const key = `cookie|${siteOf(host)}|${name}`;
        if (!this.writers.has(key)) this.writers.set(key, url);
      }
      for (const [line, reason] of s.refused) {
        const name = cookieName(line);
        const domain = /;\s*domain=([^;]+)/i.exec(line)?.[1] ?? host;
        const key = `${name}|${domain}|refused`;
        if (this.cookies.has(key)) continue;
        this.cookies.set(key, {
          name,
          domain,
          path: /;\s*path=([^;]+)/i.exec(line)?.[1] ?? '/',
          expires: -1,
          partitioned: /;\s*partitioned/i.test(line),
          firstParty: isFirstParty(domain.replace(/^\./, ''), this.site),
          setBy: url,
          page: s.page,
          refused: reason,
          ...classifyWrite(name, url, this.site, this.consentCookie),
        });
      }
    }
  }

  /** The phase's records. */
  result(): PhaseReport {
    this.resolveSetCookies();
    return {
      ran: true,
      requests: [...this.requests.values()],
      cookies: [...this.cookies.values()],
      storage: [...this.storage.values()],
      consentryErrors: [...this.errors],
    };
  }
}
