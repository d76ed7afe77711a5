/**
 * The page scorer's first test, taken in the page: a sample that names no crypto-asset and does
 * not speak as an exchange desk scores 0 at once (score-page.ts), whatever the glance says. The
 * sample's own bounded reading is cheap to test; the glance walks more of the page. So the sampler
 * tests the sample first, and glances only at pages whose sample passes: a page that fails sends
 * nothing, as it would have sent a sample that scores 0.
 *
 * The texts are the scorer's own (sample-texts.ts). The scorer cuts out the words a page echoes
 * from its address first (strip-reflected.ts), and a cut can bring words together ("1 USDT … = 500
 * ₸"); a page whose address has words in its query or fragment is therefore not tested here (the
 * cuts of the path alone leave the score below the threshold, since the scorer then judges the
 * uncut text).
 */
import { speaksAsDesk } from './desk-words';
import { foldText } from './fold-text';
import { namesCryptoAsset } from './names-crypto-asset';
import { reflectedWords } from './strip-reflected';
import { sampleTexts } from './sample-texts';
import type { PageSample } from './types';

/** Whether `address` has words in its query or fragment; an address without `?` or `#` has none. */
function echoesQuery(address: string): boolean {
  return (address.includes('?') || address.includes('#')) && reflectedWords(address).query.size > 0;
}

/** False when the scorer would give `sample`, at the page `address`, no points at all. */
export function sampleMayScore(sample: PageSample, address?: string): boolean {
  if (address !== undefined && echoesQuery(address)) return true;
  const { allPlain, quoted } = sampleTexts(sample);
  return (
    namesCryptoAsset(allPlain.plain, allPlain.lowerPlain, quoted) ||
    speaksAsDesk(foldText(allPlain.lowerPlain))
  );
}
