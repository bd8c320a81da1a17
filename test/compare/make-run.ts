// Builds small RunResults for tests: each case gets a score, a pass flag and the checks that failed.
import type { CheckResult } from '../../evaluators/core/check.js';
import type { ItemResult, ModelSummary, RunResult } from '../../src/types/run.js';

/** One sample of one case: score, status, failed check ids, code. */
export interface SampleSpec {
  score: number | null;
  status?: 'pass' | 'fail' | 'error';
  failed?: string[];
  code?: string;
  category?: string;
  unknown?: string[];
  syntaxOk?: boolean;
}

const CHECK_IDS = ['syntax', 'rule', 'calls:HookEvent', 'api'];

function checks(failed: string[]): CheckResult[] {
  return CHECK_IDS.map((id) => {
    const pass = !failed.includes(id);
    return { kind: id.split(':')[0]!, id, weight: 1, required: id === 'syntax', pass, status: pass ? 'pass' : 'fail', reason: pass ? `${id} ok` : `${id} failed <here> & "there"` };
  });
}

function item(model: string, caseId: string, sample: number, s: SampleSpec): ItemResult {
  const status = s.status ?? (s.score === null ? 'error' : s.score >= 7 ? 'pass' : 'fail');
  const base = { model, caseId, category: s.category ?? 'cat/a', sample, latencyMs: 100, cached: false, warnings: [] };
  if (status === 'error') return { ...base, status, score: null, answer: null, code: '', checks: [], syntax: null, api: null, error: { code: 'timeout', message: 'took too long', retryable: true } };
  return {
    ...base,
    status,
    score: s.score,
    answer: s.code ?? '',
    code: s.code ?? `// ${caseId}\n`,
    checks: checks(s.failed ?? []),
    syntax: { ok: s.syntaxOk ?? true, errors: [] },
    api: { total: 4, resolved: 4 - (s.unknown?.length ?? 0), unknown: s.unknown ?? [] },
  };
}

function mean(xs: number[]): number | null {
  return xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : null;
}

function summary(label: string, items: ItemResult[]): ModelSummary {
  const judged = items.filter((i) => i.score !== null);
  const unknown = [...new Set(judged.flatMap((i) => i.api?.unknown ?? []))];
  const cats = [...new Set(items.map((i) => i.category))];
  return {
    label, modelId: `id-${label}`, provider: 'replay', cases: new Set(items.map((i) => i.caseId)).size, items: items.length,
    passed: items.filter((i) => i.status === 'pass').length, failed: items.filter((i) => i.status === 'fail').length, errors: items.filter((i) => i.status === 'error').length,
    avgScore: mean(judged.map((i) => i.score!)), passRate: mean(judged.map((i) => (i.status === 'pass' ? 1 : 0))),
    syntaxRate: mean(judged.map((i) => (i.syntax?.ok ? 1 : 0))),
    apiAccuracy: judged.length ? judged.reduce((s, i) => s + i.api!.resolved, 0) / judged.reduce((s, i) => s + i.api!.total, 0) : null,
    unknownApis: unknown.map((name) => ({ name, count: 1, cases: [] })),
    categories: cats.map((category) => {
      const g = judged.filter((i) => i.category === category);
      return { category, items: g.length, avgScore: mean(g.map((i) => i.score!)), passRate: mean(g.map((i) => (i.status === 'pass' ? 1 : 0))) };
    }),
    inputTokens: 0, outputTokens: 0, costUsd: null, latencyMs: { avg: 100, p50: 100, p95: 100 },
  };
}

/** A run from `{ model: { caseId: sample | sample[] } }`, models in key order (first = baseline). */
export function makeRun(models: Record<string, Record<string, SampleSpec | SampleSpec[]>>, runId = 'run-1', startedAt = '2026-01-02T03:04:05.000Z'): RunResult {
  const items: ItemResult[] = [];
  const cases = new Map<string, string>();
  for (const [model, byCase] of Object.entries(models)) {
    for (const [caseId, spec] of Object.entries(byCase)) {
      const samples = Array.isArray(spec) ? spec : [spec];
      samples.forEach((s, i) => items.push(item(model, caseId, i + 1, s)));
      cases.set(caseId, samples[0]?.category ?? 'cat/a');
    }
  }
  return {
    schemaVersion: 1, runId, harnessVersion: 'test', suite: { name: 'mini', description: '', files: ['mini.yaml'], passScore: 7 },
    startedAt, finishedAt: startedAt,
    models: Object.keys(models).map((m) => summary(m, items.filter((i) => i.model === m))),
    cases: [...cases].map(([id, category]) => ({ id, category, tags: [], weight: 1, prompt: `write ${id}` })),
    items,
  };
}

/** n cases with the same spec for both models, ids c1..cn. */
export function uniform(n: number, spec: (i: number) => SampleSpec): Record<string, SampleSpec> {
  return Object.fromEntries(Array.from({ length: n }, (_, i) => [`c${i + 1}`, spec(i)]));
}
