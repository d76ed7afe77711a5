/**
 * Styles of the link marks and of the question before a blocked link, inside
 * their closed shadow roots. `:host` rules marked important win over the
 * page's rules and over inline styles a page puts on the host.
 */
export const MARK_TAG = 'qorgan-mark';

const COLOURS: Record<string, string> = {
  blocked: '#b3261e',
  warning: '#a15c00',
  lookalike: '#b3261e',
  licensed: '#1e7a3a',
};

const byVerdict = (rule: (verdict: string, colour: string) => string) =>
  Object.entries(COLOURS)
    .map(([verdict, colour]) => rule(verdict, colour))
    .join('\n');

/**
 * One text for every mark, whatever its verdict: the browser parses a style text once and shares
 * it between the shadow roots that carry the same text.
 */
export const MARK_CSS = `
:host { all: initial !important; display: inline-block !important; position: relative !important;
  margin: 0 0 0 4px !important; vertical-align: middle !important; cursor: help !important; }
.dot { display: inline-block; min-width: 16px; height: 16px; padding: 0 3px; border-radius: 8px;
  font: bold 12px/16px system-ui, sans-serif; text-align: center; color: #fff; background: #555555; }
.dot.licensed { min-width: 12px; height: 12px; font-size: 9px; line-height: 12px; opacity: 0.85; }
.tip { display: none; position: absolute; left: 0; top: 20px; z-index: 2147483647; width: max-content;
  max-width: 320px; padding: 6px 8px; border-radius: 4px; background: #1f1f1f; color: #fff;
  font: 13px/1.4 system-ui, sans-serif; white-space: normal; box-shadow: 0 2px 8px rgba(0,0,0,.35); }
:host(:hover) .tip, :host(:focus) .tip { display: block; }
${byVerdict((verdict, colour) => `.dot.${verdict} { background: ${colour}; }`)}
${byVerdict(
  (verdict, colour) =>
    `:host([data-verdict="${verdict}"]:focus) { outline: 2px solid ${colour} !important; outline-offset: 1px !important; }`,
)}
`;

export const ASK_CSS = `
:host { all: initial !important; display: block !important; position: fixed !important; inset: 0 !important;
  z-index: 2147483647 !important; background: rgba(0, 0, 0, 0.55) !important; }
.box { position: absolute; top: 20vh; left: 50%; transform: translateX(-50%); width: min(92vw, 460px);
  padding: 18px 20px; border-radius: 8px; background: #fff; color: #1f1f1f; border-top: 6px solid #b3261e;
  font: 15px/1.45 system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif; }
h2 { margin: 0 0 8px; font-size: 17px; }
p { margin: 0 0 14px; }
.buttons { display: flex; gap: 10px; flex-wrap: wrap; }
button { font: inherit; padding: 8px 14px; border-radius: 6px; border: 1px solid #1f1f1f; cursor: pointer;
  background: #fff; color: #1f1f1f; }
button.default { background: #1f1f1f; color: #fff; }
button:focus-visible { outline: 3px solid #b3261e; outline-offset: 2px; }
`;
