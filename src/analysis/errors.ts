// Items a run could not judge (the provider failed, or the compiler did), grouped by model and cause: what the
// terminal prints at the end of a run and report.md lists, so the cause is seen without opening the CSV.
import type { RunResult } from '../types/run.js';

/** One group of unjudged items: same model, same cause (error code and HTTP status). */
export interface ErrorGroup {
  model: string;
  /** e.g. `provider: rate_limit (HTTP 429)`, `compiler problem`. */
  cause: string;
  count: number;
  /** The first item's message. */
  first: string;
  /** HTTP status, when the server answered. */
  status?: number;
  /** The server's own error text, when it sent one. */
  server?: string;
  /** host:port the requests went to. */
  host?: string;
  /** Case ids of the group (first few). */
  cases: string[];
}

/** Items of the run that ended in a provider error or a compiler problem, grouped by model and cause. */
export function errorGroups(run: Pick<RunResult, 'items'>): ErrorGroup[] {
  const groups = new Map<string, ErrorGroup>();
  for (const item of run.items) {
    const e = item.error;
    const cause = e ? `provider: ${e.code}${e.status ? ` (HTTP ${e.status})` : ''}` : item.compile?.problem ? 'compiler problem' : undefined;
    if (!cause) continue;
    const key = `${item.model}\0${cause}`;
    const g = groups.get(key);
    if (g) {
      g.count++;
      if (g.cases.length < 5 && !g.cases.includes(item.caseId)) g.cases.push(item.caseId);
      g.server ??= e?.server;
      g.host ??= e?.host;
    } else {
      groups.set(key, {
        model: item.model,
        cause,
        count: 1,
        first: e?.message ?? item.compile?.problem ?? '',
        ...(e?.status ? { status: e.status } : {}),
        ...(e?.server ? { server: e.server } : {}),
        ...(e?.host ? { host: e.host } : {}),
        cases: [item.caseId],
      });
    }
  }
  return [...groups.values()];
}

/** One line of detail: the first message, then the server's own text and where the requests went. */
export function errorDetail(g: ErrorGroup): string {
  const server = g.server && !g.first.includes(g.server) ? `; server said: "${g.server}"` : '';
  return `${g.first}${server}${g.host ? ` [${g.host}]` : ''}`;
}
