// The demo panel: shows, live, what consentry blocked and released, per category and per service. It reads only the public
// API (window.consentry), document.cookie, window.dataLayer and the tracker's own request log
// (served by the demo server on this origin as /__demo/tracker-log).
(() => {
  const tracker = document.querySelector('meta[name="demo-tracker"]')?.content;
  const h = (tag, text, className) => {
    const node = document.createElement(tag);
    if (text != null) node.textContent = text;
    if (className) node.className = className;
    return node;
  };
  const list = (items, empty) => {
    const ul = h('ul');
    for (const item of items.length ? items : [empty]) ul.append(typeof item == 'string' ? h('li', item) : item);
    return ul;
  };

  const panel = h('aside', null, 'demo-panel');
  panel.setAttribute('aria-label', 'Demo panel');
  const details = h('details');
  details.open = !matchMedia('(max-width: 700px)').matches;
  details.append(h('summary', 'Demo panel: what consentry blocked'));
  const body = h('div');
  const buttons = h('div', null, 'buttons');
  const api = () => window.consentry;
  for (const [label, run] of [
    ['open()', () => api()?.open()],
    ['acceptAll()', () => api()?.acceptAll()],
    ['rejectAll()', () => api()?.rejectAll()],
    ['reset()', () => api()?.reset()],
    ['Clear tracker log', () => fetch('/__demo/tracker-log', { method: 'DELETE' }).then(refresh)],
  ]) {
    const b = h('button', label);
    b.type = 'button';
    b.dataset.demo = label.replace(/\W/g, '');
    b.addEventListener('click', run);
    buttons.append(b);
  }
  // Buttons first: the bottom of the screen belongs to the banner.
  details.append(buttons, body);
  panel.append(details);

  let trackerLog = [];
  const render = () => {
    const consent = api();
    const sections = [];
    const section = (title, content) => sections.push(h('h3', title), content);
    if (!consent) {
      section('consentry', list([], 'not loaded'));
    } else {
      const record = consent.get();
      const mark = (on) => (on ? '✓' : '✗');
      section(
        'Categories',
        list(
          consent.config.categories.map(({ key }) => {
            const on = consent.granted(key);
            return h('li', `${mark(on)} ${key}`, on ? 'on' : 'off');
          }),
          '',
        ),
      );
      // Per-service consent: a service is granted by its own choice, else by its category's.
      section(
        'Services',
        list(
          consent.config.services.map(({ id, category }) => {
            const on = consent.granted(id);
            const own = record && id in record.c ? ' (own choice)' : '';
            const li = h('li', `${mark(on)} ${id} · ${category}${own}`, on ? 'on' : 'off');
            li.dataset.service = id;
            return li;
          }),
          'none configured',
        ),
      );
      section(
        'Stored choice',
        list(
          [
            record ? `${record.m}, ${new Date(record.ts).toLocaleString()}` : 'none yet (banner asks)',
            ...(record ? [h('code', JSON.stringify(record.c))] : []),
          ],
          '',
        ),
      );
      if (record) {
        // The consent log (consentry receiver) of this consent id: every decision, as stored.
        const link = h('a', `Receipts for consent id ${record.id.slice(0, 8)}…`);
        link.href = `/__demo/consent-log/${encodeURIComponent(record.id)}`;
        link.dataset.demo = 'consent-log';
        section(
          'Proof of consent',
          list(
            [h('li')].map((li) => (li.append(link), li)),
            '',
          ),
        );
      }
      const waiting = [...document.querySelectorAll('[data-consent]:not([data-consentry-released])')].map(
        (e) =>
          `${e.tagName.toLowerCase()} ⟶ ${e.dataset.consent}: ${(e.getAttribute('src') || e.dataset.src || 'inline').replace(tracker, 'tracker')}`,
      );
      section('Tagged, waiting for consent', list(waiting, 'nothing waiting'));
      section(
        'consentry.blocked() (URL rules)',
        list(
          consent.blocked().map((b) => `${b.kind} ${b.host} (${b.category}, ${b.held ? 'held' : 'dropped'})`),
          'nothing',
        ),
      );
    }
    const cookies = document.cookie
      .split(/;\s*/)
      .filter(Boolean)
      .map((c) => c.split('=')[0]);
    section('Cookies on this site', list(cookies, 'none'));
    const consentMode = (window.dataLayer || []).filter((e) => e && e[0] == 'consent').slice(-1)[0];
    if (consentMode)
      section(
        `Consent Mode (last "${consentMode[1]}")`,
        list(
          Object.entries(consentMode[2] || {}).map(([k, v]) => `${k}: ${v}`),
          '',
        ),
      );
    if ('globalPrivacyControl' in navigator)
      section('Global Privacy Control', list([String(navigator.globalPrivacyControl)], ''));
    section(
      `Tracker received (${trackerLog.length})`,
      list(
        trackerLog
          .slice(-12)
          .reverse()
          .map((e) => {
            const li = h('li');
            li.append(h('code', `${e.method} ${e.path}${e.query.length > 40 ? e.query.slice(0, 40) + '…' : e.query}`));
            return li;
          }),
        'nothing: no request reached the tracker',
      ),
    );
    body.replaceChildren(...sections);
  };

  const refresh = async () => {
    if (document.visibilityState == 'visible') {
      try {
        trackerLog = await (await fetch('/__demo/tracker-log', { cache: 'no-store' })).json();
      } catch {
        trackerLog = [];
      }
    }
    render();
  };

  document.addEventListener('consentry:change', () => setTimeout(refresh, 300));
  const start = () => {
    document.body.append(panel);
    refresh();
    setInterval(refresh, 1500);
  };
  document.readyState == 'loading' ? document.addEventListener('DOMContentLoaded', start) : start();
})();
