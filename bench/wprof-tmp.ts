import { benchBuild, benchRegistry, sleep, withBrowser, withServer } from './browser/support';
type Node = { id: number; callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number } };
const ROUNDS = Number(process.env.ROUNDS ?? 10);
const build = await benchBuild();
await withServer(async (server) => {
  const registry = benchRegistry(100_000, 5000);
  server.registry.serve(await build.sign(registry.payload), 'prof');
  await withBrowser(server.port, build.extensionDir, async (browser) => {
    const ext = await browser.extensionPage();
    await ext.setRegistryUrl(server.registry.url);
    await ext.waitForStatus((s) => s.origin === 'remote' && s.entryCount === 100_000, 'installed', 180_000);
    const self = new Map<string, number>();
    let totalMs = 0, lookups: number[] = [];
    for (let r = 0; r < ROUNDS; r++) {
      await ext.stopWorker(browser);
      await sleep(150);
      await browser.cdp.send('Target.setAutoAttach', { autoAttach: true, waitForDebuggerOnStart: true, flatten: true, filter: [{ type: 'service_worker', exclude: false }, { exclude: true }] });
      const attached = browser.cdp.waitFor((e) => e.method === 'Target.attachedToTarget' && (e.params as any).targetInfo.type === 'service_worker', 10_000, 'sw');
      const looked = ext.lookup(registry.known.target);
      const ev = await attached;
      const sid = (ev.params as any).sessionId as string;
      await browser.cdp.send('Profiler.enable', {}, sid);
      await browser.cdp.send('Profiler.setSamplingInterval', { interval: 50 }, sid);
      await browser.cdp.send('Profiler.start', {}, sid);
      await browser.cdp.send('Runtime.runIfWaitingForDebugger', {}, sid);
      const { ms } = await looked;
      lookups.push(ms);
      await sleep(300);
      const { profile } = await browser.cdp.send<{ profile: { nodes: Node[]; samples: number[]; timeDeltas: number[] } }>('Profiler.stop', {}, sid);
      await browser.cdp.send('Target.setAutoAttach', { autoAttach: false, waitForDebuggerOnStart: false, flatten: true });
      await browser.cdp.send('Target.detachFromTarget', { sessionId: sid }).catch(() => undefined);
      const byId = new Map(profile.nodes.map((n) => [n.id, n]));
      profile.samples.forEach((id, i) => {
        const f = byId.get(id)!.callFrame;
        if (f.functionName === '(idle)') return;
        const key = `${f.functionName || '(anon)'} ${f.url.split('/').pop()}:${f.lineNumber}:${f.columnNumber}`;
        const d = (profile.timeDeltas[i + 1] ?? 0) / 1000;
        self.set(key, (self.get(key) ?? 0) + d); totalMs += d;
      });
    }
    console.log('lookups', lookups.map((x) => x.toFixed(0)).join(' '));
    console.log('busy per wake', (totalMs / ROUNDS).toFixed(2));
    for (const [k, v] of [...self].sort((a, z) => z[1] - a[1]).slice(0, 40)) console.log((v / ROUNDS).toFixed(3), k);
  });
});
