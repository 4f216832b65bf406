// A "recently viewed" widget an agency installed. It pings the analytics and ad hosts
// directly and the site cannot tag it, so the config's URL `rules` hold those requests
// until analytics / advertising are granted (they then show in consentry.blocked()).
(() => {
  const tracker = document.querySelector('meta[name="demo-tracker"]')?.content;
  if (!tracker) return;
  const seen = JSON.parse(sessionStorage.getItem('qj_seen') || '[]');
  const page = location.pathname;
  sessionStorage.setItem('qj_seen', JSON.stringify([page, ...seen.filter((p) => p != page)].slice(0, 4)));
  navigator.sendBeacon(`${tracker}/collect?ev=widget_view&page=${encodeURIComponent(page)}`);
  new Image().src = `${tracker}/ads/retarget.gif?page=${encodeURIComponent(page)}`;
})();
