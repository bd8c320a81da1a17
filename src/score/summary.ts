// Per-model figures from item results. Averages are weighted by case weight; errors are left out.
import type { ModelConfig } from '../config/schema.js';
import { compileFigures } from './compile-stats.js';
import { unknownApiHint } from '../../evaluators/symbols/api-analysis.js';
import type { CaseSpec } from '../types/suite.js';
import type { CategorySummary, ItemResult, ModelSummary, UnknownApiCount } from '../types/run.js';

function weightedMean(values: { v: number; w: number }[]): number | null {
  const tw = values.reduce((s, x) => s + x.w, 0);
  return tw === 0 ? null : values.reduce((s, x) => s + x.v * x.w, 0) / tw;
}

function percentile(sorted: number[], p: number): number | null {
  if (sorted.length === 0) return null;
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? null;
}

function unknownApis(items: ItemResult[]): UnknownApiCount[] {
  const map = new Map<string, UnknownApiCount>();
  for (const it of items) {
    for (const name of it.api?.unknown ?? []) {
      const e = map.get(name) ?? { name, count: 0, cases: [] };
      e.count++;
      if (!e.cases.includes(it.caseId)) e.cases.push(it.caseId);
      map.set(name, e);
    }
  }
  // The hint judging gave (items judged before hints were stored: worked out again, which loads the API index).
  const judged = new Map<string, string>();
  for (const it of items) for (const [name, hint] of Object.entries(it.api?.hints ?? {})) if (!judged.has(name)) judged.set(name, hint);
  for (const e of map.values()) {
    const hint = judged.has(e.name) ? judged.get(e.name) : unknownApiHint(e.name);
    if (hint) e.hint = hint;
  }
  return [...map.values()].sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
}

function categories(items: ItemResult[], weightOf: (id: string) => number): CategorySummary[] {
  const groups = new Map<string, ItemResult[]>();
  for (const it of items) {
    const group = groups.get(it.category);
    if (group) group.push(it);
    else groups.set(it.category, [it]);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([category, group]) => {
      const judged = group.filter((i) => i.score !== null);
      return {
        category,
        items: group.length,
        avgScore: weightedMean(judged.map((i) => ({ v: i.score!, w: weightOf(i.caseId) }))),
        passRate: weightedMean(judged.map((i) => ({ v: i.status === 'pass' ? 1 : 0, w: weightOf(i.caseId) }))),
      };
    });
}

/** Summarises one model's items. */
export function summarizeModel(model: ModelConfig, items: ItemResult[], cases: readonly CaseSpec[]): ModelSummary {
  const weights = new Map(cases.map((c) => [c.id, c.weight]));
  const weightOf = (id: string) => weights.get(id) ?? 1;
  const judged = items.filter((i) => i.score !== null);
  const w = (i: ItemResult) => weightOf(i.caseId);
  const apiTotal = judged.reduce((s, i) => s + (i.api?.total ?? 0), 0);
  const apiResolved = judged.reduce((s, i) => s + (i.api?.resolved ?? 0), 0);
  const inputTokens = items.reduce((s, i) => s + (i.usage?.inputTokens ?? 0), 0);
  const outputTokens = items.reduce((s, i) => s + (i.usage?.outputTokens ?? 0), 0);
  const hasUsage = items.some((i) => i.usage);
  const latencies = items.filter((i) => !i.error).map((i) => i.latencyMs).sort((a, b) => a - b);
  const compile = compileFigures(items);
  return {
    label: model.label,
    modelId: model.id,
    provider: model.provider,
    cases: new Set(items.map((i) => i.caseId)).size,
    items: items.length,
    passed: items.filter((i) => i.status === 'pass').length,
    failed: items.filter((i) => i.status === 'fail').length,
    errors: items.filter((i) => i.status === 'error').length,
    avgScore: weightedMean(judged.map((i) => ({ v: i.score!, w: w(i) }))),
    passRate: weightedMean(judged.map((i) => ({ v: i.status === 'pass' ? 1 : 0, w: w(i) }))),
    syntaxRate: weightedMean(judged.map((i) => ({ v: i.syntax?.ok ? 1 : 0, w: w(i) }))),
    apiAccuracy: apiTotal === 0 ? null : apiResolved / apiTotal,
    unknownApis: unknownApis(items),
    categories: categories(items, weightOf),
    inputTokens,
    outputTokens,
    costUsd: model.pricing && hasUsage ? (inputTokens * model.pricing.input + outputTokens * model.pricing.output) / 1e6 : null,
    latencyMs: {
      avg: latencies.length ? latencies.reduce((s, x) => s + x, 0) / latencies.length : null,
      p50: percentile(latencies, 0.5),
      p95: percentile(latencies, 0.95),
    },
    // Only when something was compiled, so documents of runs without code keep their shape.
    ...(compile.compileMode ? compile : {}),
  };
}
