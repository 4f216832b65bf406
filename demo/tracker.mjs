// What the stand-in third parties answer. Each script behaves like the real kind of tag:
// it sets first-party cookies from the page and sends beacons home, so the demo panel
// shows exactly what consent released.
const GIF = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64');

/** A stand-in analytics tag: a visitor id cookie, a pageview beacon, and `track()` for SPAs. */
const analytics = (origin) => `(() => {
  (window.__ran = window.__ran || []).push('analytics');
  const id = (document.cookie.match(/(?:^|; )_sa_id=([^;]*)/) || [])[1] || Math.random().toString(36).slice(2, 10);
  document.cookie = '_sa_id=' + id + '; path=/; max-age=34128000; SameSite=Lax';
  document.cookie = '_sa_ses_1=' + Date.now() + '; path=/; SameSite=Lax';
  const track = (ev, page) => navigator.sendBeacon('${origin}/collect?ev=' + ev + '&cid=' + id + '&page=' + encodeURIComponent(page || location.pathname + location.hash));
  window.standInAnalytics = { track };
  track('pageview');
})();`;

/** A stand-in ad tag: an ad-id cookie and a conversion pixel. */
const adTag = (origin) => `(() => {
  (window.__ran = window.__ran || []).push('adtag');
  document.cookie = '_adp_uid=' + Math.random().toString(36).slice(2, 10) + '; path=/; max-age=7776000; SameSite=Lax';
  new Image().src = '${origin}/ads/pixel.gif?ev=view&page=' + encodeURIComponent(location.pathname);
})();`;

const embed = (title, body) => `<!doctype html><html lang="en"><meta charset="utf-8"><title>${title}</title>
<style>html,body{margin:0;height:100%;font:14px system-ui,sans-serif}</style>${body}</html>`;

const video = embed(
  'ViewTube player',
  `<div style="height:100%;display:grid;place-items:center;background:linear-gradient(135deg,#1d2b3a,#3d5a73);color:#fff">
<div style="text-align:center"><div style="font-size:48px" aria-hidden="true">▶</div><p>ViewTube (stand-in): QJ-20V drill in 90 seconds</p></div></div>`,
);

const map = embed(
  'MapHub map',
  `<div style="position:relative;height:100%;background:repeating-linear-gradient(0deg,#e8efe4 0 38px,#fff 38px 40px),repeating-linear-gradient(90deg,#e8efe4 0 58px,#fff 58px 60px);background-blend-mode:multiply">
<div style="position:absolute;left:46%;top:38%;font-size:32px" aria-hidden="true">📍</div>
<p style="position:absolute;left:8px;bottom:0;background:#fff;padding:4px 8px;border-radius:4px">MapHub (stand-in): Qiaojiang dealer, 88 Gongye Rd, Ningbo</p></div>`,
);

/**
 * The response for a request to the tracker origin, or null for an empty 204 (beacons, fetch).
 * `origin` is the tracker's own origin, so tags can call home.
 */
export const trackerResponse = (url, origin) => {
  const path = url.pathname;
  if (path == '/analytics.js') return { type: 'text/javascript', body: analytics(origin) };
  if (path == '/ads/adtag.js') return { type: 'text/javascript', body: adTag(origin) };
  if (path.endsWith('.gif')) return { type: 'image/gif', body: GIF };
  if (path == '/embed/video.html') return { type: 'text/html; charset=utf-8', body: video };
  if (path == '/embed/map.html') return { type: 'text/html; charset=utf-8', body: map };
  return null;
};
