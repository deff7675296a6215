#pragma once

#include <string_view>

namespace cpconf {

// The style sheet of a rendered record, inlined so the file needs nothing else. Text colours
// keep a contrast of at least 4.5:1 on white (WCAG AA); the vote bar's two sides also differ
// in lightness, so they stay apart in greyscale print. The print rules fit A4 and number pages.
inline constexpr std::string_view k_render_css = R"css(:root {
  color-scheme: light;
  --ink: #1b1b1b;
  --muted: #4a4a4a;
  --rule: #b8bec7;
  --head: #e9edf2;
  --plan: #1e3a8a;
  --no-plan: #fde2c7;
  --no-plan-ink: #7c2d12;
  --link: #1d4ed8;
}
* { box-sizing: border-box; }
html {
  font-family: system-ui, "Segoe UI", "DejaVu Sans", "Liberation Sans", Arial, sans-serif;
  font-size: 16px;
  line-height: 1.45;
  color: var(--ink);
  background: #fff;
}
body { max-width: 62rem; margin: 0 auto; padding: 1.5rem 1.25rem 3rem; }
.masthead { border-bottom: 3px solid var(--ink); margin-bottom: 1rem; }
.marking { margin: 0; font-size: .8rem; font-weight: 700; letter-spacing: .08em; text-transform: uppercase; color: var(--muted); }
h1 { font-size: 1.8rem; margin: .2rem 0; }
h2 { font-size: 1.35rem; margin: 2rem 0 .5rem; padding-bottom: .2rem; border-bottom: 1px solid var(--rule); }
h3 { font-size: 1.12rem; margin: 1.5rem 0 .5rem; }
.subtitle { margin: 0 0 .75rem; color: var(--muted); }
.notice { border-left: 4px solid #b45309; background: #fff4e5; padding: .5rem .75rem; }
p, dd, td, th { white-space: pre-line; overflow-wrap: break-word; }
td.text, dd, p { overflow-wrap: anywhere; }
nav { margin: 1rem 0; }
.nav-title { font-weight: 700; margin: 0; }
nav ol { columns: 2; margin: .25rem 0; padding-left: 1.5rem; }
a { color: var(--link); }
dl.entries { margin: .75rem 0; }
dl.entries > div { display: grid; grid-template-columns: 13rem 1fr; gap: 1rem; padding: .2rem 0; border-bottom: 1px solid #e3e6ea; }
dl.entries dt { font-weight: 600; }
dl.entries dd { margin: 0; }
table { width: 100%; border-collapse: collapse; margin: .75rem 0 1.25rem; font-size: .95rem; }
caption { text-align: left; font-weight: 700; padding: .25rem 0; }
th, td { text-align: left; vertical-align: top; padding: .35rem .5rem; border: 1px solid var(--rule); }
thead th { background: var(--head); }
th.group { background: #f4f6f8; font-style: italic; }
.strong { font-weight: 700; }
.muted { color: var(--muted); font-style: italic; }
.plan { color: var(--plan); font-weight: 700; white-space: nowrap; }
.no-plan { color: var(--no-plan-ink); font-weight: 700; white-space: nowrap; }
.error { color: #b91c1c; font-weight: 700; }
.warning { color: #8a3c0c; font-weight: 700; }
.info { color: #0e6176; font-weight: 700; }
figure.vote { margin: .5rem 0 1rem; }
figure.vote svg { display: block; width: 100%; max-width: 30rem; height: auto; }
figure.vote figcaption { font-size: .9rem; color: var(--muted); }
.bar-plan { fill: var(--plan); }
.bar-no-plan { fill: var(--no-plan); stroke: var(--no-plan-ink); stroke-width: 1; }
.bar-plan-label, .bar-no-plan-label { font: 700 15px system-ui, "DejaVu Sans", sans-serif; }
.bar-plan-label { fill: #fff; }
.bar-no-plan-label { fill: var(--no-plan-ink); }
footer { margin-top: 2.5rem; padding-top: .5rem; border-top: 1px solid var(--rule); color: var(--muted); font-size: .85rem; }
@page {
  size: A4;
  margin: 16mm 15mm 18mm;
  @bottom-right { content: "Page " counter(page) " of " counter(pages); font: 8pt sans-serif; color: #4a4a4a; }
  @bottom-left { content: "Confidential"; font: 8pt sans-serif; color: #4a4a4a; }
}
@media print {
  html { font-size: 10pt; }
  body { max-width: none; padding: 0; }
  nav { display: none; }
  a { color: inherit; text-decoration: none; }
  h2, h3, caption { break-after: avoid; }
  tr, figure, dl.entries > div { break-inside: avoid; }
  thead { display: table-header-group; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
)css";

}  // namespace cpconf
