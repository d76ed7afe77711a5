/** Prints the lookalike detector's figures on the real-world host corpus, per split. */
import {
  loadRealHosts,
  newDetectorJudge,
  REAL_TARGETS,
  scoreRealHosts,
  type RealReport,
} from './lookalike-real-corpus';

function line(r: RealReport): string {
  const pct = (x: number): string => `${(x * 100).toFixed(3)} %`;
  return `  ${r.split.padEnd(5)} recall ${r.recall.toFixed(3)} (${r.caught} of ${r.attacks} attacks)  legitimate flagged ${pct(r.legitFlaggedRate)} (${r.legitFlagged.length} of ${r.legit})  other-word phishing flagged ${r.otherFlagged} of ${r.other}`;
}

/** Returns false when the test part misses its target. */
export function printRealLookalike(): boolean {
  const hosts = loadRealHosts();
  const judge = newDetectorJudge();
  console.log('\nlookalike, real-world corpus (public phishing lists, allowlists and top-sites rankings)');
  const reports = (['tune', 'test', 'all'] as const).map((split) => scoreRealHosts(judge, split, hosts));
  for (const r of reports) console.log(line(r));
  const test = reports[1]!;
  console.log(
    `  target on the test part: recall >= ${REAL_TARGETS.recall}, legitimate flagged <= ${REAL_TARGETS.legitFlaggedRate * 100} %`,
  );
  for (const [brand, b] of Object.entries(test.byBrand))
    console.log(`  test ${brand.padEnd(9)} ${b.caught} of ${b.attacks}`);
  for (const host of test.legitFlagged) console.log(`  WRONG ${host}: a legitimate host flagged`);
  return test.recall >= REAL_TARGETS.recall && test.legitFlaggedRate <= REAL_TARGETS.legitFlaggedRate;
}
