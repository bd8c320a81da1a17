// Grades the `judge` checks of an answered item and recomputes its score: the hook src/run calls after the pure checks.
import type { JudgeOptions } from '../../evaluators/checks/judge.js';
import type { CheckOutcome, CheckResult } from '../../evaluators/core/check.js';
import type { Config } from '../config/load.js';
import type { ModelConfig } from '../config/schema.js';
import { UserError } from '../core/errors.js';
import type { ItemHook } from '../run/hooks.js';
import { scoreChecks } from '../score/score.js';
import type { JudgeDetails } from '../types/judge.js';
import type { ItemResult } from '../types/run.js';
import type { CaseSpec, CheckSpec, Suite } from '../types/suite.js';
import { JudgeClient, type JudgeClientOptions } from './client.js';
import { judgeRequest, rubricHash } from './prompt.js';
import { parseVerdict, verdictReason, verdictStatus } from './verdict.js';

/** The default pass score of a rubric. */
export const DEFAULT_RUBRIC_PASS = 7;

/** The judge checks of a suite's cases. */
export function judgeSpecs(suite: Pick<Suite, 'cases'>): { kase: CaseSpec; spec: CheckSpec }[] {
  return suite.cases.flatMap((kase) => kase.checks.filter((s) => s.kind === 'judge').map((spec) => ({ kase, spec })));
}

/** The judge model label of a check: its own `model:`, else the config's `judge.model`. */
export function judgeLabelOf(spec: CheckSpec, config: Pick<Config, 'judge'>): string | undefined {
  return (spec.options as JudgeOptions).model ?? config.judge?.model;
}

/** The judge models a suite needs, resolved from the config; a usage error names what is missing. */
export function resolveJudges(suite: Pick<Suite, 'cases'>, config: Pick<Config, 'judge' | 'models' | 'file'>): ModelConfig[] {
  const labels = new Map<string, string>();
  for (const { kase, spec } of judgeSpecs(suite)) {
    const label = judgeLabelOf(spec, config);
    if (!label) throw new UserError('E_JUDGE', `check ${spec.id} of case ${kase.id} is a judge check but no judge model is set`, `add \`judge: { model: LABEL }\` to ${config.file} (LABEL a model under models:), or \`model: LABEL\` on the check`);
    if (!labels.has(label)) labels.set(label, `${kase.id}/${spec.id}`);
  }
  return [...labels].map(([label, where]) => {
    const m = config.models[label];
    if (!m) throw new UserError('E_JUDGE', `judge model "${label}" (check ${where}) is not under models: in ${config.file}`, `declare it with provider: openai, or fix judge.model`);
    if (m.provider !== 'openai') throw new UserError('E_JUDGE', `judge model "${label}" uses provider ${m.provider}`, 'a judge must be a live model: set provider: openai (any OpenAI-compatible server)');
    return m;
  });
}

/** Grades one judge check of one answer; never throws. */
export async function gradeCheck(client: JudgeClient, kase: Pick<CaseSpec, 'id' | 'prompt'>, spec: CheckSpec, code: string, signal?: AbortSignal): Promise<CheckResult & { aborted?: boolean }> {
  const o = spec.options as JudgeOptions;
  const passScore = o.pass_score ?? DEFAULT_RUBRIC_PASS;
  const rubric = { id: o.rubric_id ?? 'rubric', hash: rubricHash(o.rubric) };
  const head = { kind: spec.kind, id: spec.id, weight: spec.weight, required: spec.required };
  const done = (outcome: CheckOutcome) => ({ ...head, ...outcome, pass: outcome.status === 'pass' });
  if (code.trim() === '') return done({ status: 'fail', reason: 'no code found in the answer: nothing to judge' });
  const req = judgeRequest({ label: client.model.label, id: client.model.id }, kase.id, kase.prompt, code, o.rubric);
  const res = await client.ask(req, (text) => parseVerdict(text, o.rubric).verdict !== undefined, signal);
  const details: JudgeDetails = { judge: res.call, rubric, passScore };
  if (res.error) {
    const r = done({ status: 'error', reason: `judge ${client.model.label} failed: ${res.error.message}`, details: details as unknown as Record<string, unknown> });
    return res.error.code === 'aborted' ? { ...r, aborted: true } : r;
  }
  const { verdict, problem } = parseVerdict(res.text!, o.rubric);
  if (!verdict) {
    details.judge = { ...details.judge, error: 'invalid_verdict' };
    return done({ status: 'error', reason: `judge ${client.model.label}: ${problem}`, details: details as unknown as Record<string, unknown> });
  }
  Object.assign(details, { criteria: verdict.criteria, score: verdict.score, judgeScore: verdict.judgeScore });
  return done({ status: verdictStatus(verdict, passScore), reason: verdictReason(verdict, passScore), details: details as unknown as Record<string, unknown> });
}

/** The judges of a run and the hook that grades each answered item. */
export interface Judging {
  hook: ItemHook;
  clients: Map<string, JudgeClient>;
}

/** Builds the judging of a run; undefined when the suite has no judge check. */
export function createJudging(suite: Pick<Suite, 'cases'>, config: Pick<Config, 'judge' | 'models' | 'file'>, options: JudgeClientOptions = {}): Judging | undefined {
  if (judgeSpecs(suite).length === 0) return undefined;
  const clients = new Map(resolveJudges(suite, config).map((m) => [m.label, new JudgeClient(m, options)]));
  const hook: ItemHook = async (item: ItemResult, kase: CaseSpec, signal?: AbortSignal) => {
    const specs = kase.checks.filter((s) => s.kind === 'judge');
    if (specs.length === 0 || item.answer === null) return item;
    const graded = new Map<string, CheckResult & { aborted?: boolean }>();
    await Promise.all(specs.map(async (spec) => graded.set(spec.id, await gradeCheck(clients.get(judgeLabelOf(spec, config)!)!, kase, spec, item.code, signal))));
    if ([...graded.values()].some((g) => g.aborted)) return { ...item, error: { code: 'aborted', message: 'run interrupted while judging', retryable: false } };
    const checks = item.checks.map((c) => graded.get(c.id) ?? c);
    return { ...item, checks, ...scoreChecks(checks, kase.passScore) };
  };
  return { hook, clients };
}
