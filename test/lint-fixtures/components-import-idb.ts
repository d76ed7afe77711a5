// as: components/popup/fixture.ts
// expect: import-x/no-restricted-paths
import { openDB } from 'idb';

export const use = openDB;
