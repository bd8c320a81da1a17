import { describe, expect, it } from 'vitest';
import { reporters } from '../../src/report/index.js';
import { makeRunResult } from '../fixtures/run-result.js';

describe('json reporter', () => {
  it('round-trips the run result', () => {
    const run = makeRunResult();
    expect(JSON.parse(reporters.json.render(run, {}))).toEqual(run);
  });

  it('pretty-prints with schemaVersion first and keys in type order, whatever the input order', () => {
    const run = makeRunResult();
    const shuffled = Object.fromEntries(Object.entries(run).reverse()) as typeof run;
    const out = reporters.json.render(shuffled, {});
    expect(out.startsWith('{\n  "schemaVersion": 1,\n  "runId": ')).toBe(true);
    expect(out.endsWith('}\n')).toBe(true);
    expect(Object.keys(JSON.parse(out))).toEqual(['schemaVersion', 'runId', 'harnessVersion', 'suite', 'startedAt', 'finishedAt', 'models', 'cases', 'items']);
    expect(out).toBe(reporters.json.render(run, {}));
  });

  it('keeps nulls and drops absent optional fields', () => {
    const parsed = JSON.parse(reporters.json.render(makeRunResult(), {})) as { items: Record<string, unknown>[] };
    const err = parsed.items.find((i) => i.status === 'error')!;
    expect(err.score).toBeNull();
    expect(err.usage).toBeUndefined();
    expect(err.error).toEqual({ code: 'rate_limit', message: '429 Too Many Requests', retryable: true, retryAfterMs: 2000 });
    expect('error' in parsed.items[0]!).toBe(false);
  });
});

describe('json reporter key order', () => {
  it('orders nested objects too and keeps fields it does not know yet', () => {
    const run = makeRunResult();
    const it0 = run.items[0]!;
    run.items[0] = Object.fromEntries(Object.entries({ ...it0, extra: 'kept' }).reverse()) as unknown as typeof it0;
    const parsed = JSON.parse(reporters.json.render(run, {})) as { items: Record<string, unknown>[] };
    const keys = Object.keys(parsed.items[0]!);
    expect(keys.slice(0, 5)).toEqual(['model', 'caseId', 'category', 'sample', 'status']);
    expect(keys.at(-1)).toBe('extra');
    expect(Object.keys((parsed.items[0]!.checks as object[])[0]!).slice(0, 2)).toEqual(['kind', 'id']);
  });
});
