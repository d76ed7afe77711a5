/**
 * The unregistered-exchange page check on a generated ~1 MB page: `collectPageSample` (bounded
 * DOM reading) plus `scorePage`, per call. The DOM here is linkedom's, which walks and queries
 * markedly slower than a browser's native DOM; the figure is therefore an upper bound for the
 * content script's cost, against the 5 ms budget.
 */
import { parseHTML } from 'linkedom';
import { collectPageSample, DEFAULT_SAMPLE_CHARS, scorePage } from '../../lib/detect/unregistered';
import { consume, forceGc, percentile } from '../measure';
import type { BenchRow } from '../types';

const TARGET_BYTES = 1_000_000;
const RUNS = 40;

/** A long news-portal-like page: menus, scripts, styles, articles, a rates table, a form. */
export function generatePage(targetBytes = TARGET_BYTES): string {
  const head = `<!doctype html><html lang="ru"><head><meta charset="utf-8"><title>Портал: новости и курсы</title>
<meta name="description" content="Новости, курсы валют и криптовалют"><style>${'.c{color:red}'.repeat(2000)}</style>
<script>${'var x=1;'.repeat(4000)}</script></head><body><nav>${'<a href="#">Раздел</a> '.repeat(200)}</nav>`;
  const parts = [head];
  let size = head.length;
  for (let i = 0; size < targetBytes; i++) {
    const block =
      `<section><h2>Материал ${i}</h2><p>Курс USDT на P2P-площадках составил ${500 + (i % 20)} тенге. ` +
      `Аналитики ожидают изменения спроса на биткоин и стейблкоины, пишет корреспондент. ${'Текст абзаца. '.repeat(30)}</p>` +
      `<table><tr><td>USD</td><td>${503 + (i % 5)}</td></tr><tr><td>BTC</td><td>46 000 000</td></tr></table>` +
      `<form><input name="q${i}" placeholder="Поиск"><select><option>KZT</option><option>USD</option></select><button>Найти</button></form>` +
      `<script>console.log(${i})</script></section>`;
    parts.push(block);
    size += block.length;
  }
  parts.push('</body></html>');
  return parts.join('');
}

export async function run(): Promise<BenchRow[]> {
  const html = generatePage();
  const { document } = parseHTML(html);
  const opts = { maxChars: DEFAULT_SAMPLE_CHARS };
  for (let i = 0; i < 15; i++) consume(scorePage(collectPageSample(document, opts), 'news.example.kz'));
  forceGc();

  const total: number[] = [];
  const collect: number[] = [];
  const score: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    const sample = collectPageSample(document, opts);
    const t1 = performance.now();
    consume(scorePage(sample, 'news.example.kz'));
    const t2 = performance.now();
    collect.push(t1 - t0);
    score.push(t2 - t1);
    total.push(t2 - t0);
  }
  for (const list of [total, collect, score]) list.sort((a, b) => a - b);

  const note = `${(html.length / 1_000_000).toFixed(2)} MB page, ${RUNS} runs, linkedom DOM in Node (slower than a browser's)`;
  return [
    {
      metric: 'unregistered.check.median',
      label: 'unregistered check (sample + score), median',
      value: percentile(total, 0.5),
      unit: 'ms',
      target: { op: '<=', value: 5 },
      note,
    },
    {
      metric: 'unregistered.check.p95',
      label: 'unregistered check (sample + score), p95',
      value: percentile(total, 0.95),
      unit: 'ms',
      note,
    },
    {
      metric: 'unregistered.collect.median',
      label: 'collectPageSample, median',
      value: percentile(collect, 0.5),
      unit: 'ms',
      note,
    },
    {
      metric: 'unregistered.score.median',
      label: 'scorePage, median',
      value: percentile(score, 0.5),
      unit: 'ms',
      note,
    },
  ];
}
