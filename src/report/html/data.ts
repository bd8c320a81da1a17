// The per-case data the page's script renders when a case is opened. Only plain strings and
// numbers: the script puts them in the DOM with textContent, never as HTML.
import { diffLines } from 'diff';
import type { ItemResult, ItemStatus, RunResult } from '../../types/run.js';

/** One line-diff run against the baseline: `=` common, `-` only in the baseline, `+` only here; n lines. */
export type DiffOp = [op: '=' | '-' | '+', lines: number];

/** One model's answer to one case sample, as the page shows it. */
export interface PageItem {
  sample: number;
  status: ItemStatus;
  score: number | null;
  code: string;
  /** Answer text before and after the code when the code appears verbatim in it. */
  before?: string;
  after?: string;
  /** The whole answer when the extracted code is not a verbatim part of it. */
  answer?: string;
  checks: { kind: string; id: string; status: string; reason: string; required: boolean }[];
  /** Problems to mark on code lines: [line, column, message]. */
  marks: [number, number, string][];
  warnings: string[];
  error?: string;
  /** Diff of this code against the baseline's same sample; absent for the baseline itself. */
  diff?: DiffOp[];
}

/** One case: the prompt and every model's samples, models in run order. */
export interface PageCase {
  id: string;
  prompt: string;
  models: PageItem[][];
}

/** Everything the script reads from the JSON block. */
export interface PageData {
  models: string[];
  cases: PageCase[];
}

function lineCount(text: string): number {
  if (text === '') return 0;
  const newlines = text.split('\n').length - 1;
  return text.endsWith('\n') ? newlines : newlines + 1;
}

/** Line diff of `code` against `base`, compressed to run lengths (the page has both texts). */
export function diffOps(base: string, code: string): DiffOp[] {
  return diffLines(base, code).map((c): DiffOp => [c.added ? '+' : c.removed ? '-' : '=', lineCount(c.value)]);
}

function marksOf(item: ItemResult): [number, number, string][] {
  const marks: [number, number, string][] = (item.syntax?.errors ?? []).map((e) => [e.line, e.column, e.message]);
  for (const check of item.checks) {
    if (check.pass) continue;
    for (const loc of check.locations ?? []) marks.push([loc.line, loc.column, `${check.id}: ${loc.message}`]);
  }
  const seen = new Set<string>();
  return marks.filter((m) => !seen.has(m.join('\u0000')) && Boolean(seen.add(m.join('\u0000'))));
}

function pageItem(item: ItemResult, base: ItemResult | undefined): PageItem {
  const out: PageItem = {
    sample: item.sample,
    status: item.status,
    score: item.score,
    code: item.code,
    checks: item.checks.map((c) => ({ kind: c.kind, id: c.id, status: c.status, reason: c.reason, required: c.required })),
    marks: marksOf(item),
    warnings: item.warnings,
  };
  const answer = item.answer ?? '';
  const at = item.code === '' ? -1 : answer.indexOf(item.code);
  // Storing the code once keeps a 200-case × 3-model page small.
  if (at >= 0) {
    out.before = answer.slice(0, at);
    out.after = answer.slice(at + item.code.length);
  } else if (answer !== '') out.answer = answer;
  if (item.error) out.error = `${item.error.code}: ${item.error.message}`;
  if (base) out.diff = diffOps(base.code, item.code);
  return out;
}

/** Builds the page data; case order follows `caseIds` (the table's order). */
export function pageData(run: RunResult, caseIds: string[]): PageData {
  const prompts = new Map(run.cases.map((c) => [c.id, c.prompt]));
  const byKey = new Map<string, ItemResult[]>();
  for (const it of run.items) {
    const key = `${it.model}\u0000${it.caseId}`;
    const list = byKey.get(key);
    if (list) list.push(it);
    else byKey.set(key, [it]);
  }
  const baseLabel = run.models[0]?.label;
  return {
    models: run.models.map((m) => m.label),
    cases: caseIds.map((id) => {
      const baseItems = byKey.get(`${baseLabel}\u0000${id}`) ?? [];
      return {
        id,
        prompt: prompts.get(id) ?? '',
        models: run.models.map((m, mi) =>
          (byKey.get(`${m.label}\u0000${id}`) ?? [])
            .sort((a, b) => a.sample - b.sample)
            .map((it) => pageItem(it, mi === 0 ? undefined : (baseItems.find((b) => b.sample === it.sample) ?? baseItems[0]))),
        ),
      };
    }),
  };
}
