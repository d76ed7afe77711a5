import type { HostPattern } from './marked-sites';

/** Whether a link's host is a wrapper host of the table (`host-pattern.ts` has the full test). */
export type WrapperHostTest = (host: string, pattern: HostPattern) => boolean;
