/**
 * Removes the Unicode bidirectional controls (LRM, RLM, the embeddings and overrides U+202A–E,
 * the isolates U+2066–9) from text that comes from a registry or a page. One right-to-left
 * override in a name would reverse the rest of the line it is shown in, so that
 * "…gnidart efas" reads as a reassurance; the registry never needs them.
 */
export const BIDI_CONTROLS = /[\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;

export function stripBidiControls(text: string): string {
  return text.replace(BIDI_CONTROLS, '');
}
