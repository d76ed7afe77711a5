// as: components/fixture.ts
// expect: no-restricted-properties
import { browser } from 'wxt/browser';

export const read = () => browser.storage.local.get('settings');
