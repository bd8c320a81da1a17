import { describe, expect, it } from 'vitest';
import { CSV_COLUMNS, checkIds } from '../../src/report/csv.js';
import { reporters } from '../../src/report/index.js';
import { makeRunResult } from '../fixtures/run-result.js';

/** Minimal RFC 4180 reader (quoted fields, doubled quotes, embedded newlines) for checking output. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') { field += '"'; i++; }
      else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') { row.push(field); field = ''; }
    else if (ch === '\n') { row.push(field); rows.push(row); row = []; field = ''; }
    else field += ch;
  }
  if (field !== '' || row.length > 0) { row.push(field); rows.push(row); }
  return rows;
}

function records(text: string): Record<string, string>[] {
  const [header, ...rows] = parseCsv(text);
  return rows.map((r) => Object.fromEntries(header!.map((h, i) => [h, r[i] ?? ''])));
}

describe('csv reporter', () => {
  const run = makeRunResult();
  const text = reporters.csv.render(run, {});
  const [header] = parseCsv(text);
  const rows = records(text);

  it('has the fixed columns then one column per distinct check id', () => {
    expect(header).toEqual([
      ...CSV_COLUMNS,
      'check:api', 'check:calls:HookEvent', 'check:calls:RegAdminCmd', 'check:event:revive_success',
      'check:event:tank_spawn', 'check:event:witch_killed', 'check:rule:zombie-class', 'check:syntax',
    ]);
    expect(checkIds(run)).toHaveLength(8);
  });

  it('has one row per model × case × sample, every row as wide as the header', () => {
    expect(rows).toHaveLength(12);
    for (const r of parseCsv(text).slice(1)) expect(r).toHaveLength(header!.length);
    expect(rows.filter((r) => r.case_id === 'spawn-jockey').map((r) => `${r.model}#${r.sample}`)).toEqual(['v1#1', 'v1#2', 'v2#1', 'v2#2']);
  });

  it('writes judged rows with scores, api figures and check statuses', () => {
    const r = rows.find((x) => x.model === 'v1' && x.case_id === 'spawn-jockey' && x.sample === '2')!;
    expect(r).toMatchObject({
      run_id: '2025-06-01T10-00-00Z-abc123', model_id: 'ft:gpt-4o-mini-2024-07-18:team:l4d2-v1:A1b2C3',
      category: 'gameplay', status: 'fail', score: '6', passed: 'false', syntax_ok: 'true',
      api_total: '5', api_resolved: '4', unknown_apis: 'L4D2_SpawnInfected', latency_ms: '1000',
      input_tokens: '400', output_tokens: '320', cached: 'false', error: '',
      'check:rule:zombie-class': 'error', 'check:api': 'fail', 'check:syntax': 'pass', 'check:event:tank_spawn': '',
    });
  });

  it('leaves judged fields empty for an error row and keeps the pipe in the case id intact', () => {
    const r = rows.find((x) => x.model === 'v1' && x.case_id === 'vote|kick-menu')!;
    expect(r).toMatchObject({ status: 'error', score: '', passed: '', syntax_ok: '', api_total: '', error: 'rate_limit: 429 Too Many Requests', 'check:syntax': '' });
  });

  it('joins several unknown APIs with semicolons and quotes awkward values', () => {
    const r2 = makeRunResult();
    r2.items[0]!.api = { total: 3, resolved: 1, unknown: ['Foo', 'Bar'] };
    r2.items[0]!.caseId = 'say "hi", then\nquit';
    const parsed = records(reporters.csv.render(r2, {}));
    const row = parsed.find((x) => x.unknown_apis === 'Foo;Bar')!;
    expect(row.case_id).toBe('say "hi", then\nquit');
  });
});
