import { expect, test } from '../support/fixtures';
import { ChromiumBanner } from '../support/pages';

/** Shapes taken from public phishing lists, against the brands of the bundled registry. */
const IMITATIONS = [
  'bybitarcade.com',
  'auditbybit.pro',
  'amlcheckbybit.online',
  'bybit-usdt.pages.dev',
  'whitebitreward.live',
  // whitebit with a Kazakh і (U+0456) and ү (U+04AF) standing for i and y.
  'whіtebіt-bonus.com',
  'bүbit.kz',
];

test('lookalikes shaped like real phishing hosts get the lookalike banner; the licensed site gets none', async ({
  chromiumSession,
}) => {
  const page = await chromiumSession.context.newPage();
  const banner = new ChromiumBanner(page);
  for (const host of IMITATIONS) {
    await page.goto(`http://${host}/`);
    await expect(banner.host, host).toHaveAttribute('data-verdict', 'lookalike');
  }
  await page.goto('http://p2p.bybit.kz/');
  await page.waitForLoadState('load');
  expect((await banner.state()).verdicts).not.toContain('lookalike');
});
