// The judge check on the real run path (executeRun with a replay model, the afterJudge hook) against a loopback
// OpenAI-compatible server answering in the requested JSON schema, and failing in the ways a judge fails.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ModelConfig } from '../../src/config/schema.js';
import { createJudging } from '../../src/judge/grade.js';
import { judgePair } from '../../src/judge/pairwise.js';
import { JudgeClient } from '../../src/judge/client.js';
import { ResponseCache } from '../../src/run/cache.js';
import { executeRun } from '../../src/run/run.js';
import { loadSuites } from '../../src/suite/multi.js';
import { loadSuite } from '../../src/suite/loader.js';
import type { JudgeDetails } from '../../src/types/judge.js';
import type { ItemResult } from '../../src/types/run.js';
import type { Suite } from '../../src/types/suite.js';
import { keywordJudge } from '../../bench/loopback-judge.js';
import { ROOT } from '../helpers/cli.js';
import { FAKE_KEY } from '../helpers/live.js';
import { startOpenAIServer, type OpenAIServer } from '../helpers/openai-server.js';
import { tempTree } from '../helpers/tmp.js';
import { reporters } from '../../src/report/index.js';
import { countCalibratedJudges } from '../../src/judge/calibrations.js';
import { scoreChecks } from '../../src/score/score.js';

let server: OpenAIServer;
let suite: Suite;
let v2: ModelConfig;
let grader: ModelConfig;
const fast = { baseDelayMs: 5, maxDelayMs: 50 };

beforeAll(async () => {
  suite = (await loadSuites([path.join(ROOT, 'suites/intent.yaml')])).suite;
  server = await startOpenAIServer({ judge: keywordJudge, servedModel: 'judge-2026-01-01' });
  v2 = { label: 'v2', provider: 'replay', id: 'ft:gpt-4o-mini-2024-07-18:team:l4d2-v2:x', dir: path.join(ROOT, 'fixtures/responses/v2') };
  grader = { label: 'grader', provider: 'openai', id: 'gpt-judge', baseURL: server.baseURL, apiKey: FAKE_KEY, pricing: { input: 2, output: 8 } };
});
afterAll(() => server.close());

const config = () => ({ file: 'l4d2-eval.config.yaml', judge: { model: 'grader' }, models: { v2, grader } });
const judgeCheck = (item: ItemResult) => item.checks.find((c) => c.kind === 'judge')!;
const details = (item: ItemResult) => judgeCheck(item).details as unknown as JudgeDetails;

describe('rubric files in suites', () => {
  it('a judge check reads its rubric file relative to the suite', () => {
    const kase = suite.cases.find((c) => c.id === 'game-survival-timer')!;
    const spec = kase.checks.find((c) => c.kind === 'judge')!;
    expect(spec.id).toBe('judge:survival-timer');
    expect((spec.options as { rubric: { id: string }[] }).rubric.map((c) => c.id)).toEqual(['repeats', 'starts-on-round', 'stops-at-end', 'final-time']);
  });

  it('a missing rubric file is a suite problem with file and line', async () => {
    const dir = tempTree({ 's.yaml': 'name: s\ncases:\n  - id: a\n    category: c\n    prompt: p\n    checks:\n      - { kind: judge, rubric: rubrics/nope.yaml }\n' });
    const r = await loadSuite(path.join(dir, 's.yaml'));
    expect(r.value).toBeUndefined();
    expect(r.errors[0]).toMatchObject({ line: 7, message: expect.stringContaining('rubric file not found: "rubrics/nope.yaml"') });
  });
});

describe('judge checks in a run', () => {
  it('grades through structured output, records verdicts, reasons, the served model id and cost; a re-run asks nothing', async () => {
    const cache = new ResponseCache(path.join(tempTree({}), 'cache.db'));
    const judging = createJudging(suite, config(), { cache, scheduler: fast })!;
    const before = server.requests.length;
    const run = await executeRun({ suite, models: [v2], afterJudge: judging.hook, live: { cache } });
    const sent = server.requests.slice(before);
    expect(sent).toHaveLength(3);
    for (const r of sent) {
      expect(r.body).toMatchObject({ model: 'gpt-judge', temperature: 0, response_format: { type: 'json_schema', json_schema: { name: 'rubric_verdict', strict: true } } });
      // The judge never learns which model wrote the answer.
      expect(JSON.stringify(r.messages)).not.toMatch(/v2|l4d2-v2/);
    }
    for (const item of run.items) {
      const d = details(item);
      expect(d.judge).toMatchObject({ label: 'grader', modelId: 'gpt-judge', servedModel: 'judge-2026-01-01', cached: false });
      expect(d.judge.costUsd).toBeGreaterThan(0);
      expect(d.criteria!.length).toBeGreaterThan(2);
      for (const c of d.criteria!) expect(c.reason).toMatch(/\.$/);
    }
    expect(run.judges).toEqual([expect.objectContaining({ label: 'grader', servedModels: ['judge-2026-01-01'], verdicts: 3, errors: 0, cached: 0 })]);
    expect(run.judges![0]!.costUsd).toBeGreaterThan(0);
    // The judge is listed apart: the evaluated models are only v2.
    expect(run.models.map((m) => m.label)).toEqual(['v2']);

    const again = await executeRun({ suite, models: [v2], afterJudge: createJudging(suite, config(), { cache, scheduler: fast })!.hook, live: { cache } });
    expect(server.requests.length - before).toBe(3);
    expect(again.judges![0]).toMatchObject({ verdicts: 3, cached: 3, costUsd: 0 });
    expect(again.items.map((i) => details(i).criteria)).toEqual(run.items.map((i) => details(i).criteria));
    expect(details(again.items[0]!).judge.servedModel).toBe('judge-2026-01-01');
    cache.close();
  });

  it('the verdict feeds the case score: a failed required criterion fails the judge check', async () => {
    const run = await executeRun({ suite, models: [v2], afterJudge: createJudging(suite, config(), { scheduler: fast })!.hook });
    for (const item of run.items) {
      const check = judgeCheck(item);
      const d = details(item);
      const requiredFailed = d.criteria!.some((c) => c.required && c.verdict === 'fail');
      expect(check.status).toBe(requiredFailed || d.score! < 7 ? 'fail' : 'pass');
      expect(check.reason).toMatch(/criteria \(/);
    }
  });

  for (const [fault, why] of [
    ['invalid_json', /did not answer in JSON/],
    ['refusal', /refused/],
    ['hang', /no answer within 300 ms/],
  ] as const) {
    it(`a judge ${fault === 'hang' ? 'timeout' : fault.replace('_', ' ')} is an error for the check, never a pass, and is not cached`, async () => {
      const cache = new ResponseCache(path.join(tempTree({}), 'cache.db'));
      const one: Suite = { ...suite, cases: [suite.cases[0]!] };
      server.options.judgeFaults = [fault];
      const run = await executeRun({ suite: one, models: [v2], afterJudge: createJudging(one, config(), { cache, scheduler: { ...fast, maxAttempts: 1, timeoutMs: 300 } })!.hook });
      const item = run.items[0]!;
      const check = judgeCheck(item);
      expect(check).toMatchObject({ status: 'error', pass: false });
      expect(check.reason).toMatch(why);
      // The item is still scored on its other checks; the judge counts for nothing.
      expect(item.score).not.toBeNull();
      expect(run.judges![0]).toMatchObject({ verdicts: 0, errors: 1 });
      // Nothing was cached: the next run asks again and gets a verdict.
      const before = server.requests.length;
      const again = await executeRun({ suite: one, models: [v2], afterJudge: createJudging(one, config(), { cache, scheduler: fast })!.hook });
      expect(server.requests.length - before).toBe(1);
      expect(judgeCheck(again.items[0]!).status).not.toBe('error');
      cache.close();
    });
  }

  it('judge reasons are untrusted text: escaped in the HTML report', async () => {
    const one: Suite = { ...suite, cases: [suite.cases[0]!] };
    server.options.judge = (_req, schema) => {
      const ids = (schema as { properties: { criteria: { items: { properties: { id: { enum: string[] } } } } } }).properties.criteria.items.properties.id.enum;
      return { criteria: ids.map((id) => ({ id, verdict: 'fail', reason: '<img src=x onerror=alert(1)>' })), score: 0 };
    };
    try {
      const run = await executeRun({ suite: one, models: [v2], afterJudge: createJudging(one, config(), { scheduler: fast })!.hook });
      const html = reporters.html.render(run, {});
      expect(html).toContain('&lt;img src&#x3D;x onerror&#x3D;alert(1)&gt;');
      expect(html).not.toContain('<img src=x');
    } finally {
      server.options.judge = keywordJudge;
    }
  });

  it('a judge check without a judge model is refused before anything is sent', () => {
    expect(() => createJudging(suite, { file: 'c.yaml', models: { v2 } })).toThrow(/no judge model is set/);
    expect(() => createJudging(suite, { file: 'c.yaml', judge: { model: 'v2' }, models: { v2 } })).toThrow(/uses provider replay/);
  });
});

describe('the gate and calibrations', () => {
  it('an uncalibrated judge is left out of the scores; a calibrated one counts', async () => {
    const run = await executeRun({ suite, models: [v2], afterJudge: createJudging(suite, config(), { scheduler: fast })!.hook });
    const uncounted = countCalibratedJudges(run, [], undefined);
    for (const [i, item] of uncounted.run.items.entries()) {
      const others = item.checks.filter((c) => c.kind !== 'judge');
      expect(item.score).toBe(scoreChecks(others, run.suite.passScore).score);
      expect(details(item).uncounted).toMatch(/min_judge_kappa is not set/);
      expect(details(run.items[i]!).uncounted).toBeUndefined();
    }
    const record = (rubric: { id: string; hash: string }, kappa: number) => ({ judge: 'grader', modelId: 'gpt-judge', servedModels: [], rubricId: rubric.id, rubricHash: rubric.hash, labels: 'l.jsonl', labelled: 40, graded: 40, agreement: 0.9, kappa, kappaCi: null, at: '' });
    const rubrics = run.items.map((i) => details(i).rubric);
    const counted = countCalibratedJudges(run, rubrics.map((r) => record(r, 0.8)), 0.6);
    expect(counted.run).toBe(run);
    expect(counted.notes.every((n) => n.counted)).toBe(true);
    const low = countCalibratedJudges(run, rubrics.map((r) => record(r, 0.4)), 0.6);
    expect(low.notes.every((n) => !n.counted && /kappa 0\.40 below/.test(n.reason!))).toBe(true);
  });
});

describe('pairwise mode', () => {
  const criteria = [{ id: 'right-event', weight: 1, required: true, description: 'tank_spawn' }];
  const kase = { id: 'si-tank-spawn-announce', prompt: 'announce tanks' };

  it('asks in both orders and maps the winner back; disagreeing orders are a tie', async () => {
    const client = new JudgeClient(grader, { scheduler: fast });
    // A judge that prefers the answer shown first: a position bias the two orders expose.
    server.options.judge = () => ({ winner: 'first', reason: 'The first plugin is better.' });
    const biased = await judgePair(client, kase, 'HookEvent("tank_spawn")', 'HookEvent("witch_spawn")', criteria);
    expect(biased).toMatchObject({ winner: 'tie', inconsistent: true });
    expect(biased.rounds.map((r) => r.winner)).toEqual(['a', 'b']);
    // A judge that picks the plugin hooking tank_spawn wherever it is shown.
    server.options.judge = (req) => {
      const user = req.messages.find((m) => m.role === 'user')!.content;
      return { winner: user.indexOf('tank_spawn"') < user.indexOf('witch_spawn"') ? 'first' : 'second', reason: 'It hooks tank_spawn.' };
    };
    const fair = await judgePair(client, kase, 'HookEvent("witch_spawn")', 'HookEvent("tank_spawn")', criteria);
    expect(fair).toMatchObject({ winner: 'b', inconsistent: false });
    server.options.judge = keywordJudge;
  });
});
