/**
 * Measures the lookalike and unregistered-exchange detectors on the labelled fixtures and prints
 * precision, recall, F1 and every case each detector got wrong. Exits non-zero when a detector
 * misses the targets set in test/eval/evaluate-detectors.ts.
 */
import {
  evaluateLookalike,
  evaluateUnregistered,
  flaggedRealWorldAllowlist,
  loadBrands,
  TARGETS,
  TEST_BRANDS,
  type DetectorReport,
  type Metrics,
} from '../test/eval/evaluate-detectors';
import { printRealCorpus } from '../test/eval/exchanger-real-corpus';
import { printRealLookalike } from '../test/eval/print-lookalike-real-corpus';

function line(name: string, m: Metrics): string {
  const pct = (x: number): string => x.toFixed(3);
  return `${name.padEnd(22)} precision ${pct(m.precision)}  recall ${pct(m.recall)}  F1 ${pct(m.f1)}  (tp ${m.tp}, fp ${m.fp}, fn ${m.fn}, tn ${m.tn})`;
}

function print(title: string, r: DetectorReport, target: { precision: number; recall: number }): boolean {
  console.log(`\n${title} — ${r.cases} cases`);
  console.log(line('  all', r.metrics));
  for (const [split, m] of Object.entries(r.bySplit)) console.log(line(`  ${split}`, m));
  console.log(`  target: precision >= ${target.precision}, recall >= ${target.recall}`);
  if (r.wrong.length === 0) console.log('  wrong: none');
  for (const w of r.wrong)
    console.log(`  WRONG ${w.id}: expected ${w.expected}, got ${w.got}  [${w.detail}]`);
  return r.metrics.precision >= target.precision && r.metrics.recall >= target.recall;
}

const { brands, source } = loadBrands();
const lists = [{ name: source, brands }];
if (source !== 'fixed test brands') lists.push({ name: 'fixed test brands', brands: TEST_BRANDS });

let okLookalike = true;
for (const list of lists) {
  console.log(`\nbrands (${list.name}): ${list.brands.map((b) => `${b.brand} → ${b.imitates}`).join(', ')}`);
  const lookalike = evaluateLookalike(undefined, list.brands);
  okLookalike = print('lookalike', lookalike, TARGETS.lookalike) && okLookalike;
  console.log(`  techniques of caught attacks: ${JSON.stringify(lookalike.techniques)}`);
  if (lookalike.skipped > 0)
    console.log(`  skipped ${lookalike.skipped} attacks on brands this list does not protect`);
  const allowlist = flaggedRealWorldAllowlist(list.brands);
  console.log(
    `  real-world allowlist: ${allowlist.checked} legitimate hosts, flagged ${allowlist.flagged.length}`,
  );
  for (const host of allowlist.flagged)
    console.log(`  WRONG ${host}: expected none (allowlisted real domain)`);
  okLookalike = okLookalike && allowlist.flagged.length === 0;
}

const okUnregistered = print('unregistered, fictional corpus', evaluateUnregistered(), TARGETS.unregistered);
okLookalike = printRealLookalike() && okLookalike;
printRealCorpus(undefined, process.argv.includes('--show-test'));

if (!okLookalike || !okUnregistered) {
  console.log('\nFAILED: a detector is below its target.');
  process.exitCode = 1;
}
