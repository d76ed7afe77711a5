import { normaliseTarget } from '../lib/registry/normalise-target';
import type { RegistryBrand } from '../lib/registry/types';
import { brandCheck, field, requireCell, textCheck } from './csv-fields';
import { readTable, type CsvProblem } from './csv-table';
import { CSV_COLUMNS } from './registry-csv';

/** Sites in one cell: separated by `;`, `,` or white space (a host never holds any of them). */
const SITE_SEPARATOR = /[;,\s]+/;

/**
 * Reads `brands.csv`: one brand a row (`brand`, `sites`, `name`, `note`).
 * Every site is normalised as a target is; a brand word given twice is
 * refused, so that no one's sites are merged into another row unseen.
 */
export async function readBrandsCsv(
  path: string,
  file: string,
): Promise<{ brands: RegistryBrand[]; problems: CsvProblem[] }> {
  const table = await readTable(path, file, CSV_COLUMNS.brands);
  const problems = [...table.problems];
  const brands: RegistryBrand[] = [];
  const seen = new Map<string, number>();
  for (const row of table.rows) {
    const before = problems.length;
    if (!requireCell(row, 'brand', file, problems) || !requireCell(row, 'sites', file, problems)) continue;
    const brand = field(row, 'brand', file, problems, brandCheck);
    const name = field(row, 'name', file, problems, textCheck);
    const cell = row.cell('sites');
    const sites: string[] = [];
    for (const site of (cell?.value ?? '').split(SITE_SEPARATOR).filter((part) => part !== '')) {
      const result = normaliseTarget(site);
      if (result.ok) {
        if (!sites.includes(result.target)) sites.push(result.target);
      } else {
        problems.push({
          file,
          line: row.line,
          column: cell?.column ?? 1,
          message: `site "${site}" is not a host (${result.problem})`,
        });
      }
    }
    if (brand === undefined || problems.length > before) continue;
    const earlier = seen.get(brand);
    if (earlier !== undefined) {
      const column = row.columnOf('brand');
      problems.push({
        file,
        line: row.line,
        column,
        message: `brand "${brand}" already given on line ${earlier}`,
      });
      continue;
    }
    seen.set(brand, row.line);
    brands.push({ brand, ...(name === undefined ? {} : { name }), sites });
  }
  brands.sort((a, b) => (a.brand < b.brand ? -1 : a.brand > b.brand ? 1 : 0));
  return { brands, problems };
}
