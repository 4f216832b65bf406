/**
 * Shared styles for the banner, dialog and placeholders. UIElement adopts them as
 * constructed stylesheets, so a strict CSP needs no `unsafe-inline` for styles. Colours come from
 * `--consentry-*` custom properties; `light-dark()` follows `color-scheme`, which follows
 * `prefers-color-scheme` unless config.ui.theme forces one. Logical properties keep RTL right.
 * Long compounds (German, Finnish) wrap inside buttons and headings instead of overflowing:
 * break-word everywhere, hyphens:auto where the `lang` the banner sets picks the dictionary;
 * Japanese buttons break between phrases (auto-phrase), table headers only between words.
 * Default colours meet WCAG 2.2 AA (4.5:1 text, 3:1 controls) in both schemes.
 * The entrance slides but never fades from opacity 0: the first layer is legible in the first
 * frame it is painted (budget: visible ≤ 1 frame after DOMContentLoaded).
 * The font family is the page's own (inherited; `--consentry-font` overrides it): a family of
 * our own, such as `system-ui`, costs font matching in the first layout; buttons are bold (700),
 * not semi-bold, for the same reason (docs/decisions/2026-12-02-long-tasks.md).
 *
 * Phones first: the first layer's text is .875rem and its three buttons
 * share one row of equal flex items (a row too narrow for three wraps Customize to a full-width
 * row of its own, never Reject all below Accept all), so it covers ≤ 40 % of a 375×667 screen
 * in English and Chinese and ≤ 50 % in every shipped locale (test/e2e/banner-phone.spec.ts).
 * Above 40rem, `ui.layout: 'box'` (the default, docs/decisions/2026-12-08-banner-layout.md) is a corner box.
 *
 * Split in two: `barStyles` is all the first layer (first-layer.ts, what a first visit
 * downloads) needs; `styles` adds the dialog, service list, floating button and placeholders.
 * The bar's rules are the same text in both, so the upgrade to the whole UI changes no pixel.
 */
export const barStyles = /* css */ `
:host{--_bg:var(--consentry-bg,light-dark(#fff,#1b1c20));--_fg:var(--consentry-fg,light-dark(#1b1c20,#f1f1f3));--_mu:var(--consentry-muted,light-dark(#595963,#b0b0ba));--_ac:var(--consentry-accent,light-dark(#1c4ed8,#9bb8ff));--_on:var(--consentry-accent-fg,light-dark(#fff,#10131c));--_li:1px solid var(--consentry-border,light-dark(#c8c8d0,#4b4c55));--_r:var(--consentry-radius,.75rem);color-scheme:light dark;font-size:var(--consentry-font-size,1rem);line-height:1.4;font-family:var(--consentry-font);font-weight:400;font-style:normal;color:var(--_fg);text-align:start;overflow-wrap:break-word}
:host([theme=light]){color-scheme:light}
:host([theme=dark]){color-scheme:dark}
*{box-sizing:border-box}
h2,p{margin:0 0 .25rem}
h2{font-size:1.125rem}
.b,h2,p{hyphens:auto;word-break:auto-phrase}
a{color:var(--_ac);word-break:keep-all}
button{font:inherit;cursor:pointer}
:focus-visible{outline:3px solid var(--_ac);outline-offset:2px}
.bar,.f{position:fixed;z-index:var(--consentry-z,2147483000);bottom:0;box-shadow:0 4px 28px #0005}
.bar{background:var(--_bg);color:var(--_fg);border:var(--_li);inset-inline:0;margin:auto;max-width:64rem;max-height:100vh;overflow:auto;padding:1rem;border-radius:var(--_r) var(--_r) 0 0;font-size:.875rem}
.top{bottom:auto;top:0;border-radius:0 0 var(--_r) var(--_r)}
@media(min-width:40rem){.box{max-width:24rem;margin:1rem;margin-inline-start:auto;border-radius:var(--_r)}}
.center{top:0;max-width:36rem;height:fit-content;border-radius:var(--_r);margin:auto}
.row{display:flex;flex-wrap:wrap;gap:.5rem;margin-top:.75rem}
.b{flex:1 6rem;min-width:0;min-height:2.75rem;padding:.25rem .5rem;border:2px solid var(--_ac);border-radius:.5rem;background:var(--_ac);color:var(--_on);font-weight:700;line-height:1.25}
.s{background:0;color:var(--_ac)}
@media (prefers-reduced-motion:no-preference){.bar{animation:in .25s}:host([data-settled]) .bar{animation-delay:-1s}}
@keyframes in{from{translate:0 1rem}}
`;

/**
 * The rest of the UI's styles: dialog, service list, floating button, placeholders.
 * `td,dd{unicode-bidi:plaintext}`: cookie names and catalog texts are often Latin inside an
 * Arabic or Hebrew dialog; each takes its own direction (_ga, not ga_). The why is here, not
 * in the CSS text, which every visit that opens the dialog downloads.
 */
const restStyles = /* css */ `
h3{margin:0 0 .25rem;font-size:1rem;hyphens:auto;word-break:auto-phrase}
dialog,.p{background:var(--_bg);color:var(--_fg);border:var(--_li)}
@media (prefers-reduced-motion:no-preference){[role=switch]::before{transition:inset-inline-start .15s}}
dialog{width:min(40rem,100% - 1rem);max-height:calc(100% - 1rem);padding:0;border-radius:var(--_r);flex-direction:column}
dialog[open]{display:flex}
dialog::backdrop{background:#0009}
.hd,.bd,.ft{padding:1rem 1.25rem}
.hd{display:flex;align-items:start;border-bottom:var(--_li)}
.hd h2{flex:1}
.x{min-width:2.75rem;min-height:2.75rem;border:0;background:0;color:inherit;font-size:1.5rem;line-height:1}
.bd{overflow:auto}
.ft{border-top:var(--_li)}
.ft .row{margin:0}
.cat{padding-block:1rem;border-top:var(--_li)}
.cat>div{display:flex;align-items:center;gap:.5rem 1rem}
.cat h3{flex:1;min-width:0}
.cat p,.n,td,th{font-size:.875rem;color:var(--_mu);margin:.25rem 0 0}
[role=switch]{position:relative;flex:none;inline-size:3.25rem;block-size:2rem;padding:0;border:2px solid var(--_mu);border-radius:1rem;background:var(--_bg)}
[role=switch]::before{content:"";position:absolute;inset-block:.25rem;inset-inline-start:.25rem;inline-size:1.25rem;border-radius:50%;background:var(--_mu)}
[aria-checked=true]{background:var(--_ac);border-color:var(--_ac)}
[aria-checked=true]::before{inset-inline-start:1.5rem;background:var(--_on)}
[aria-checked=mixed]{border-color:var(--_ac)}
[aria-checked=mixed]::before{inset-inline-start:.75rem;background:var(--_ac)}
[aria-disabled=true]{cursor:not-allowed;background:var(--_mu);border-color:var(--_mu)}
[aria-disabled=true]::before{background:var(--_bg)}
.mx{font-weight:600}
details{margin-top:.5rem}
summary{min-height:1.5rem;cursor:pointer;color:var(--_ac)}
.svcs{list-style:none;margin:.5rem 0 0;padding:0}
.svcs+table,.svc+table{margin-top:.75rem}
.svc{margin-top:.75rem;padding:.75rem;border:var(--_li);border-radius:.5rem}
.sh{display:flex;align-items:center;justify-content:space-between;gap:1rem}
h4{margin:0;font-size:1rem;overflow-wrap:anywhere}
.on{flex:none;font-size:.875rem;font-weight:600}
dl{margin:.25rem 0 0}
dl div{display:flex;flex-wrap:wrap;gap:0 .5rem}
dt{font-weight:600}
dd{margin:0}
dl,.svc p,.svc table{font-size:.875rem}
.pa{display:flex;flex-wrap:wrap;align-self:stretch;gap:.5rem}
ul{padding-inline-start:1.25rem}
table{border-collapse:collapse}
td,th{text-align:start;padding-inline-end:1rem;vertical-align:top}
td{overflow-wrap:anywhere}
td,dd{unicode-bidi:plaintext}
th{word-break:keep-all;overflow-wrap:normal}
.f{inset-inline-start:0;margin:1rem;width:3rem;height:3rem;padding:.6rem;border-radius:50%}
.f svg{display:block;fill:currentColor}
.p{display:flex;flex-direction:column;justify-content:center;align-items:center;gap:.5rem;min-height:inherit;padding:.75rem;text-align:center}
.sr{position:fixed;width:1px;height:1px;overflow:hidden;clip-path:inset(50%);white-space:nowrap}
`;

/** Every style of the UI (UIElement adopts these). */
export const styles = barStyles + restStyles;
