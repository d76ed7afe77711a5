// as: entrypoints/page-watch/fixture.ts
// expect: import-x/no-restricted-paths
import { dismiss } from '../../background/dismissals';

export const use = dismiss;
