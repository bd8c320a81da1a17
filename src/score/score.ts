// Case scoring: 10 × passed weight / judged weight; a case passes when every required check passes
// and the score reaches the pass score. Checks in `error` could not judge, so they count for nothing.
import type { CheckResult } from '../../evaluators/core/check.js';
import type { ItemStatus } from '../types/run.js';

/** Score and status of one answer from its check results. */
export function scoreChecks(checks: readonly CheckResult[], passScore: number): { score: number | null; status: ItemStatus } {
  const judged = checks.filter((c) => c.status !== 'error');
  if (checks.length > 0 && judged.length === 0) return { score: null, status: 'error' };
  const total = judged.reduce((s, c) => s + c.weight, 0);
  const passed = judged.reduce((s, c) => s + (c.status === 'pass' ? c.weight : 0), 0);
  const score = total === 0 ? 0 : Math.round((1000 * passed) / total) / 100;
  const requiredFailed = judged.some((c) => c.required && c.status === 'fail');
  return { score, status: !requiredFailed && score >= passScore ? 'pass' : 'fail' };
}
