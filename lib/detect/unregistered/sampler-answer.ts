/**
 * What the sampler in the page's main world answers when the page has patched or broken what the
 * reading needs (`requestIdleCallback`, the tree walker, the `title` getter): the background then
 * reads the page from the extension's isolated world, which the page's scripts cannot reach.
 */
export const SAMPLER_TAMPERED = 'qorgan:sampler-tampered';

const NATIVE = /\{\s*\[native code\]\s*\}\s*$/u;

/**
 * Whether the functions the sampler calls are still the browser's own. A page can fool this check
 * (it can patch `Function.prototype.toString` too); it then only hides its own offer, which it
 * could as well leave out.
 */
export function looksPatched(functions: readonly unknown[], toString: (fn: unknown) => string): boolean {
  try {
    return functions.some((fn) => typeof fn !== 'function' || !NATIVE.test(toString(fn)));
  } catch {
    return true;
  }
}
