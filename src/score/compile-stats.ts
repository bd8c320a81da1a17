// Per-model compile figures from item results: compile rate, which compiler produced it, the commonest diagnostics.
import type { DiagnosticCount, ItemCompile, ModelSummary } from '../types/run.js';

/** How many frequent diagnostics a summary keeps. */
export const TOP_DIAGNOSTICS = 10;

/** The message with names and numbers blanked, so `undefined symbol "A"` and `"B"` count as one kind. */
export function diagnosticPattern(message: string): string {
  return message.replace(/"[^"]*"|'[^']*'/g, '"…"').replace(/\b\d+\b/g, 'N');
}

/** Compile rate, mode, versions and top diagnostics over items; compiler problems are left out of the rate. */
export function compileFigures(items: readonly { caseId: string; compile?: ItemCompile }[]): {
  compileRate: number | null;
  compileMode?: ModelSummary['compileMode'];
  compilerVersion?: string;
  topDiagnostics: DiagnosticCount[];
} {
  const judged = items.filter((i) => i.compile && !i.compile.problem);
  const modes = new Set(judged.map((i) => i.compile!.mode));
  const versions = [...new Set(judged.flatMap((i) => (i.compile!.version ? [i.compile!.version] : [])))];
  const counts = new Map<string, DiagnosticCount>();
  for (const it of judged) {
    for (const d of it.compile!.diagnostics) {
      const pattern = diagnosticPattern(d.message);
      const key = `${d.severity}\u0000${d.code ?? ''}\u0000${pattern}`;
      const e = counts.get(key) ?? { severity: d.severity, code: d.code, pattern, count: 0, cases: [] };
      e.count++;
      if (!e.cases.includes(it.caseId)) e.cases.push(it.caseId);
      counts.set(key, e);
    }
  }
  const top = [...counts.values()].sort((a, b) => b.count - a.count || (a.code ?? 0) - (b.code ?? 0) || a.pattern.localeCompare(b.pattern));
  const mode = modes.size === 0 ? undefined : modes.size > 1 ? 'mixed' : [...modes][0];
  return {
    compileRate: judged.length === 0 ? null : judged.filter((i) => i.compile!.ok).length / judged.length,
    ...(mode ? { compileMode: mode } : {}),
    ...(versions.length ? { compilerVersion: versions.join(', ') } : {}),
    topDiagnostics: top.slice(0, TOP_DIAGNOSTICS),
  };
}
