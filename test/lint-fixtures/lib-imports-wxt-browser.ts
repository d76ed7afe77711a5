// as: lib/fixture.ts
// expect: no-restricted-imports
import { browser } from 'wxt/browser';

export const id = browser.runtime.id;
