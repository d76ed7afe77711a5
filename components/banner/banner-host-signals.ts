import type { VerdictResult } from '../../lib/verdict/types';
import { verdictSignals } from '../verdict/verdict-signals';

/** The data attributes the banner host carries beside `data-verdict`: the verdict's reason and what it imitates. */
export function bannerHostSignals(result: VerdictResult): Readonly<Record<string, string>> {
  return Object.fromEntries(
    Object.entries(verdictSignals(result)).filter((pair): pair is [string, string] => pair[1] !== undefined),
  );
}
