import { expect, test } from '../support/fixtures';

const REGISTRY_PATH = '/qorgan-registry.json';

test('sends no request anywhere but the registry URL while browsing and looking up', async ({
  server,
  chromiumSession,
}) => {
  const { context, worker, extensionId } = chromiumSession;
  const registryUrl = `http://127.0.0.1:${server.port}${REGISTRY_PATH}`;
  server.route(`127.0.0.1${REGISTRY_PATH}`, (_req, res) => res.writeHead(404).end());
  const baseline = server.requests.length;

  await worker.evaluate((url) => chrome.storage.local.set({ settings: { registryUrl: url } }), registryUrl);
  await expect.poll(() => server.requestsTo('127.0.0.1').length, { timeout: 10_000 }).toBeGreaterThan(0);

  const visited = [
    'http://bybit.kz/',
    'https://coinbase.com/',
    'http://example-exchange.kz/',
    'http://news.example.kz/',
    // A results page and a messenger page, whose links are marked from the local registry.
    'https://www.google.com/search?q=%D0%BA%D1%83%D0%BF%D0%B8%D1%82%D1%8C+USDT',
    'https://web.telegram.org/k/#-1001234567890',
  ];
  const page = await context.newPage();
  for (const url of visited) {
    await page.goto(url);
    if (url.includes('google.com')) {
      await expect
        .poll(() => page.evaluate(() => document.getElementsByTagName('qorgan-mark').length))
        .toBe(4);
    }
  }

  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${extensionId}/popup.html`);
  await popup.getByLabel('Domain or address').fill('secret-lookup.kz');
  await expect(popup.getByTestId('lookup-result')).toHaveAttribute('data-verdict', 'unknown');

  const visitedHosts = new Set(visited.map((url) => new URL(url).hostname));
  const unexpected = server.requests
    .slice(baseline)
    .filter((request) => !(visitedHosts.has(request.host) && request.method === 'GET'))
    .filter((request) => !(request.host === '127.0.0.1' && request.path === REGISTRY_PATH));
  expect(unexpected.map((request) => `${request.method} ${request.host}${request.path}`)).toEqual([]);
  const pageRequests = server.requests.slice(baseline).filter((request) => visitedHosts.has(request.host));
  const pagePaths = visited.map((url) => {
    const { pathname, search } = new URL(url);
    return pathname + search;
  });
  for (const request of pageRequests) expect(['/', '/favicon.ico', ...pagePaths]).toContain(request.path);
  expect(
    server.requests.some(
      (request) => request.host.includes('secret-lookup') || request.path.includes('secret-lookup'),
    ),
  ).toBe(false);
  const registryRequests = server.requestsTo('127.0.0.1');
  for (const request of registryRequests) {
    expect(request.headers.cookie).toBeUndefined();
    expect(request.headers.referer).toBeUndefined();
  }
});
