// as: lib/fixture.ts
// expect: import-x/no-restricted-paths
import { watchPage } from '../entrypoints/page-watch/watch-page';

export const use = watchPage;
