/**
 * The banner's styles, inside its shadow root. `:host` declarations marked
 * important come from the inner context, so they win over any page rule and
 * over inline styles the page puts on the host element. `all: initial` also
 * undoes what the host would inherit (visibility, direction, fonts) and the
 * browser's own popover styles (inset, margin, border, colours).
 */
export const HOST_STYLE = [
  'all: initial',
  'display: block',
  'position: fixed',
  'inset: 0 0 auto 0',
  'width: auto',
  'height: auto',
  'max-width: none',
  'max-height: none',
  'min-width: 0',
  'min-height: 0',
  'margin: 0',
  'padding: 0',
  'border: 0',
  'overflow: visible',
  'background: transparent',
  'z-index: 2147483647',
  'visibility: visible',
  'opacity: 1',
  'pointer-events: auto',
  'transform: none',
  'translate: none',
  'rotate: none',
  'scale: none',
  'filter: none',
  'clip-path: none',
  'mask: none',
  'zoom: 1',
  'contain: none',
  'content-visibility: visible',
  'unicode-bidi: isolate',
]
  .map((declaration) => `${declaration} !important;`)
  .join(' ');

export const BANNER_CSS = `
:host { ${HOST_STYLE} }
bdi, .value { unicode-bidi: isolate; }
*, *::before, *::after { box-sizing: border-box; }
.qorgan {
  font: 15px/1.45 system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', Arial, sans-serif;
  color: #ffffff;
  background: #8a1c1c;
  max-height: 60vh;
  overflow: auto;
  padding: 12px 16px;
  box-shadow: 0 2px 10px rgba(0, 0, 0, 0.4);
  border-bottom: 3px solid #ffffff;
  animation: qorgan-in 160ms ease-out;
  text-align: start;
}
.qorgan[data-tone='caution'] { color: #1b1b1b; background: #ffd966; border-bottom-color: #1b1b1b; }
.qorgan[data-verdict='lookalike'] { background: #6b1f57; }
.inner { max-width: 1100px; margin: 0 auto; display: flex; flex-wrap: wrap; gap: 8px 20px; align-items: center; }
.text { flex: 1 1 320px; min-width: 0; }
.brand { margin: 0; font-size: 12px; font-weight: 700; letter-spacing: 0.06em; text-transform: uppercase; }
.headline { margin: 2px 0 0; font-size: 17px; font-weight: 700; overflow-wrap: anywhere; }
.explain, .source { margin: 2px 0 0; overflow-wrap: anywhere; }
.source { font-size: 13px; }
.actions { display: flex; flex-wrap: wrap; gap: 8px; align-items: center; }
button, a.action {
  font: inherit; font-size: 14px; font-weight: 600; line-height: 1.2;
  min-height: 36px; padding: 8px 12px; border-radius: 6px; cursor: pointer;
  display: inline-flex; align-items: center; text-decoration: none;
  border: 2px solid #ffffff; background: #ffffff; color: #1b1b1b;
}
button.secondary, a.action.secondary { background: transparent; color: inherit; border-color: currentColor; }
.qorgan[data-tone='caution'] button, .qorgan[data-tone='caution'] a.action { border-color: #1b1b1b; background: #1b1b1b; color: #ffffff; }
.qorgan[data-tone='caution'] button.secondary, .qorgan[data-tone='caution'] a.action.secondary { background: transparent; color: #1b1b1b; }
a.link { color: inherit; text-decoration: underline; font-size: 14px; padding: 8px 4px; }
button:focus-visible, a:focus-visible { outline: 3px solid currentColor; outline-offset: 2px; }
.qorgan button:not(.secondary):focus-visible, .qorgan a.action:not(.secondary):focus-visible { outline-color: #ffffff; }
.qorgan[data-tone='caution'] button:not(.secondary):focus-visible, .qorgan[data-tone='caution'] a.action:not(.secondary):focus-visible { outline-color: #1b1b1b; }
@keyframes qorgan-in { from { transform: translateY(-100%); } to { transform: none; } }
@media (prefers-reduced-motion: reduce) { .qorgan { animation: none; } }
@media (max-width: 480px) {
  .qorgan { padding: 10px 12px; font-size: 14px; }
  .headline { font-size: 16px; }
  .actions > * { flex: 1 1 auto; justify-content: center; }
}
@media (forced-colors: active) { .qorgan { border-bottom: 3px solid CanvasText; } }
`;
