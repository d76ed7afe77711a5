// as: lib/url/fixture.ts
// expect: import-x/no-restricted-paths
import { safeWebUrl } from '../../components/safe-url';

export const use = safeWebUrl;
