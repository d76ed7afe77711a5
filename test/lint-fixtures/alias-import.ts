// as: background/fixture.ts
// expect: no-restricted-imports
import { siteOfHost } from '@/lib/url/site-of-host';

export const use = siteOfHost;
