// as: components/fixture.ts
// expect: import-x/no-restricted-paths
import { settleWithin } from '../background/settle-within';

export const use = settleWithin;
