/**
 * The page's CSS (inlined by `isrs app`): system fonts, colours with at least 4.5:1 contrast (WCAG
 * 2.1 AA), a visible focus ring, and print rules that put the diagnostic alone on A4 pages.
 */
const SCREEN = `
:root{--ink:#1b1f24;--muted:#4f5862;--line:#c9d1d9;--soft:#f3f5f8;--accent:#0b5cad;--accent-ink:#fff;
--you:#c2410c;--box:#b8c4d0;--ok:#1f6f43;--warn:#9a3412}
*{box-sizing:border-box}
body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;
color:var(--ink);background:#fff}
#app{max-width:60rem;margin:0 auto;padding:1rem 1.25rem 3rem}
h1{font-size:1.6rem;margin:.5rem 0 0}
h2{font-size:1.25rem;margin:1.75rem 0 .5rem}h3{font-size:1.05rem;margin:1.5rem 0 .5rem}
.subtitle{color:var(--muted);margin:.25rem 0 0;font-size:.95rem}
header.top{display:grid;grid-template-columns:1fr auto;gap:0 1rem;align-items:end;border-bottom:3px solid var(--accent);
padding-bottom:.75rem}
header.top h1,header.top .subtitle{grid-column:1}
header.top .lang{grid-column:2;grid-row:1/3}
select,input[type=text],button{font:inherit}
select,input[type=text]{padding:.35rem .5rem;
border:1px solid #6e7781;border-radius:4px;background:#fff;color:var(--ink)}
:focus-visible{outline:3px solid #1a73e8;outline-offset:2px}
.sr-only{position:absolute;width:1px;height:1px;padding:0;margin:-1px;overflow:hidden;clip:rect(0,0,0,0);
white-space:nowrap;border:0}
.progress{position:sticky;top:0;z-index:2;background:#fff;display:flex;gap:.75rem;align-items:center;
padding:.5rem 0;border-bottom:1px solid var(--line)}
.progress progress{flex:0 0 12rem;height:.8rem;accent-color:var(--accent)}
.tabs{display:flex;gap:.25rem;margin:1rem 0 0;border-bottom:1px solid var(--line);flex-wrap:wrap}
.tabs button{border:1px solid transparent;border-bottom:none;background:none;padding:.5rem .9rem;cursor:pointer;
color:var(--muted);border-radius:6px 6px 0 0}
.tabs button[aria-selected=true]{border-color:var(--line);background:#fff;color:var(--ink);font-weight:600;
margin-bottom:-1px;border-bottom:1px solid #fff}
.intro{background:var(--soft);padding:.75rem 1rem;border-radius:6px}
.who{display:flex;gap:1.5rem;flex-wrap:wrap;margin:1rem 0}
.field{display:flex;flex-direction:column;gap:.25rem;flex:1 1 16rem}
.field label{font-weight:600}
.construct{margin-top:2rem}
.stem{margin:.25rem 0}
.scale-note{color:var(--muted);font-size:.85rem;margin:.25rem 0 .75rem}
.anchors,.points{display:grid;grid-template-columns:repeat(7,minmax(0,1fr));gap:.25rem}
.anchors{grid-template-columns:repeat(7,minmax(0,1fr));font-size:.75rem;color:var(--muted);text-align:center;
line-height:1.2;margin-bottom:.25rem}
.anchors .anchors-spacer{display:none}
.anchors b{display:block;color:var(--ink);font-size:.85rem}
fieldset.item{border:1px solid var(--line);border-radius:6px;margin:0 0 .6rem;padding:.5rem .75rem .6rem}
fieldset.item legend{padding:0 .25rem;font-weight:500}
.iid{color:var(--muted);font-size:.8rem;font-weight:400;margin-right:.25rem}
label.point{display:flex;flex-direction:column;align-items:center;gap:.1rem;padding:.3rem 0;border-radius:4px;
cursor:pointer}
label.point:hover{background:var(--soft)}
label.point input{width:1.15rem;height:1.15rem;margin:0;accent-color:var(--accent)}
label.point:has(input:checked){background:#e3eefb}
.pt{font-size:.85rem}
.anchor-inline{display:none}
.actions{display:flex;gap:.75rem;flex-wrap:wrap;margin:1.5rem 0 .5rem}
button{padding:.55rem 1rem;border-radius:6px;border:1px solid #6e7781;background:#fff;color:var(--ink);cursor:pointer}
button.primary{background:var(--accent);border-color:var(--accent);color:var(--accent-ink);font-weight:600}
button:hover{filter:brightness(.95)}
.hint{color:var(--muted);font-size:.85rem}
.headline{display:grid;grid-template-columns:1fr 1.4fr;gap:1rem}
.card{border:1px solid var(--line);border-radius:8px;padding:.75rem 1rem}
.card p{margin:.25rem 0}
.explain{font-size:.85rem;color:var(--muted)}
.card-label{font-size:.8rem;text-transform:uppercase;letter-spacing:.04em;color:var(--muted);font-weight:600}
.big{font-size:2.4rem;font-weight:700;line-height:1.1}
.big .unit{font-size:1rem;font-weight:400;color:var(--muted)}
.profile-name span{text-transform:capitalize}
.profile-laggard{border-left:6px solid #b42318}.profile-follower{border-left:6px solid #b54708}
.profile-recoverer{border-left:6px solid var(--ok)}
figure.chart-figure{margin:1.25rem 0}
figure.chart-figure figcaption{color:var(--muted);font-size:.85rem}
svg.chart{max-width:100%;height:auto;font-family:inherit}
.c-label{font-size:13px;fill:var(--ink)}.c-tick{font-size:11px;fill:var(--muted)}.c-grid{stroke:#eaeef2}
.c-range{stroke:#6e7781;stroke-width:1.5}.c-box{fill:var(--box)}.c-median{stroke:var(--ink);stroke-width:2}
.c-you{fill:var(--you);stroke:#fff;stroke-width:2}.c-value{font-size:12px;font-weight:700;fill:var(--you)}
.c-legend{font-size:12px;fill:var(--muted)}
table{border-collapse:collapse;width:100%;margin:.5rem 0}
th,td{border-bottom:1px solid var(--line);padding:.4rem .5rem;text-align:left;vertical-align:top}
thead th{font-size:.85rem;color:var(--muted);border-bottom:2px solid var(--line)}
.num{text-align:right;font-variant-numeric:tabular-nums}
.weakest ol{padding-left:1.25rem}.weakest li{margin-bottom:.9rem}
.weakest p{margin:.15rem 0}.w-text{font-style:italic}.w-facts{color:var(--muted);font-size:.9rem}
.i-mid{stroke:#8c959f;stroke-dasharray:4 3}.i-pt{fill:#0b5cad}.i-mine{fill:var(--warn);stroke:#fff;stroke-width:1.5}
.fix-first li{margin-bottom:.4rem}
.notes{color:var(--muted);font-size:.85rem}.notes h3{color:var(--ink)}
.empty{padding:2rem 0;color:var(--muted)}
.error{color:#9f1c1c;background:#fdecec;border:1px solid #f3b4b4;padding:.5rem .75rem;border-radius:6px}
.weak{color:var(--warn);font-weight:600}
.drop{border:2px dashed #8c959f;border-radius:8px;padding:1rem;margin:.75rem 0;background:var(--soft)}
.dots{display:inline-flex;gap:2px;flex-wrap:nowrap}
.dot{display:inline-block;min-width:1.3rem;text-align:center;border-radius:3px;background:#e3eefb;font-size:.8rem}
svg.diagram{max-width:100%;height:auto}.d-node{fill:#eef4fb;stroke:#0b5cad;stroke-width:1.5}
.d-text{font-size:11.5px;fill:var(--ink)}.d-edge{stroke:#4f5862;stroke-width:1.5}.d-head{fill:#4f5862}
.d-label{font-size:11px;font-weight:700;fill:var(--ink)}.d-label-bg{fill:#fff}
.progress-line{display:flex;gap:.75rem;align-items:center}
footer{margin-top:3rem;color:var(--muted);font-size:.8rem;border-top:1px solid var(--line);padding-top:.5rem}
@media (max-width:40rem){.points{grid-template-columns:1fr}.anchors{display:none}
label.point{flex-direction:row;gap:.5rem}
.anchor-inline{display:inline;font-size:.85rem}.headline{grid-template-columns:1fr}}
`;

const PRINT = `
@page{size:A4;margin:15mm 14mm}
@media print{
body{font-size:10.5pt}
#app{max-width:none;padding:0}
.no-print,.tabs,.progress,footer,[role=tabpanel]:not(#panel-diagnostic){display:none!important}
#panel-diagnostic{display:block!important}
header.top{grid-template-columns:1fr}
.big{font-size:24pt}
.card,figure,table,.weakest li,.notes{break-inside:avoid}
h2,h3{break-after:avoid}
.headline{grid-template-columns:1fr 1.4fr}
*{-webkit-print-color-adjust:exact;print-color-adjust:exact}
}
`;

export const APP_CSS = (SCREEN + PRINT).replace(/\n/g, "");
