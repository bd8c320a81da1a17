// The judge where a command runs the suite itself: `gate` and `compare` for model labels grade `judge` checks as `run`
// does, and `run --resume` grades again a judge check that ended in an error without asking the model again.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keywordJudge } from '../../bench/loopback-judge.js';
import { cli, tempProject } from '../helpers/cli.js';
import { startOpenAIServer, type OpenAIServer } from '../helpers/openai-server.js';

let server: OpenAIServer;

beforeAll(async () => {
  server = await startOpenAIServer({ judge: keywordJudge, servedModel: 'keyword-judge-loopback' });
});
afterAll(() => server.close());

const judgeRequests = () => server.requests.filter((r) => r.body.response_format !== undefined).length;
const answerRequests = () => server.requests.filter((r) => r.body.response_format === undefined).length;

/** A project whose default suite has judge checks; with `judge` the config names the loopback grader (and a live v3). */
function project(judge: boolean): string {
  const dir = tempProject();
  const file = path.join(dir, 'l4d2-eval.config.yaml');
  let config = readFileSync(file, 'utf8').replace(/^suite: .*$/m, 'suite: suites/intent.yaml');
  if (judge) {
    config = config.replace(
      /^models:\n/m,
      `judge: { model: grader }\nmodels:\n  grader:\n    provider: openai\n    id: gpt-judge\n    baseURL: ${server.baseURL}\n    pricing: { input: 2.5, output: 10 }\n  v3:\n    provider: openai\n    id: ft:gpt-4o-mini:v3\n    baseURL: ${server.baseURL}\n    pricing: { input: 0.3, output: 1.2 }\n`,
    );
  }
  writeFileSync(file, config);
  return dir;
}

interface Check { kind: string; status: string }
const judgeChecks = (results: { items: { checks: Check[] }[] }) => results.items.flatMap((i) => i.checks.filter((c) => c.kind === 'judge'));

describe('gate and compare for model labels', () => {
  it('gate runs the suite and grades its judge checks with the configured judge, its cost counted', async () => {
    const dir = project(true);
    const before = judgeRequests();
    const r = await cli(['gate', '--baseline', 'v1', '--candidate', 'v2', '--out', 'gout', '--json'], dir);
    expect(r.stderr).toBe('');
    expect([0, 1]).toContain(r.code);
    expect(judgeRequests() - before).toBe(6);
    const results = JSON.parse(readFileSync(path.join(dir, 'gout/results.json'), 'utf8'));
    // The judge grades; it is not one of the evaluated models.
    expect(results.models.map((m: { label: string }) => m.label)).toEqual(['v1', 'v2']);
    const checks = judgeChecks(results);
    expect(checks).toHaveLength(6);
    for (const c of checks) expect(['pass', 'fail']).toContain(c.status);
    expect(results.judges).toEqual([expect.objectContaining({ label: 'grader', servedModels: ['keyword-judge-loopback'], verdicts: 6, errors: 0, cached: 0 })]);
    expect(results.judges[0].costUsd).toBeGreaterThan(0);
  });

  it('compare with no labels compares every model but the judge, and grades through the run\'s cache', async () => {
    const dir = project(true);
    // Warm the cache with the same judge calls: compare then sends none.
    const ran = await cli(['run', '--out', 'run', '--format', 'json', '--json'], dir);
    expect(ran.code).toBe(0);
    expect(JSON.parse(ran.stdout).models.map((m: { label: string }) => m.label)).toEqual(['v3', 'v1', 'v2']);
    const before = judgeRequests();
    const r = await cli(['compare', '--out', 'cmp', '--format', 'md', '--json'], dir);
    expect(r.code).toBe(0);
    expect(judgeRequests() - before).toBe(0);
    expect(JSON.parse(r.stdout).comparison.models.map((m: { label: string }) => m.label)).toEqual(['v3', 'v1', 'v2']);
    const md = readFileSync(path.join(dir, 'cmp/comparison.md'), 'utf8');
    expect(md).toMatch(/\| \*\*grader\*\* \| keyword-judge-loopback \| 9 \| 0 \| 9 \|/);
  });

  it('gate and compare refuse a suite with judge checks when no judge model is set, as run does, before anything is sent', async () => {
    const dir = project(false);
    const before = server.requests.length;
    const run = await cli(['run'], dir);
    const refusal = (stderr: string) => stderr.slice(stderr.indexOf('error: '));
    for (const args of [['gate', '--baseline', 'v1', '--candidate', 'v2'], ['compare', 'v1', 'v2']]) {
      const r = await cli(args, dir);
      expect(r.code).toBe(2);
      expect(refusal(r.stderr)).toBe(refusal(run.stderr));
      expect(r.stderr).toMatch(/no judge model is set/);
    }
    expect(run.code).toBe(2);
    expect(server.requests.length).toBe(before);
  });
});

describe('run --resume and judge errors', () => {
  it('grades again only the judge check that ended in an error, without a new answer request', async () => {
    const dir = project(true);
    server.options.judgeFaults = ['refusal'];
    const a0 = answerRequests();
    const j0 = judgeRequests();
    const first = await cli(['run', '--models', 'v3', '--no-cache', '--out', 'o1', '--format', 'json', '--json'], dir);
    expect(first.code).toBe(0);
    const summary = JSON.parse(first.stdout);
    expect(summary.judges[0]).toMatchObject({ verdicts: 2, errors: 1 });
    expect(answerRequests() - a0).toBe(3);
    expect(judgeRequests() - j0).toBe(3);
    const errored = judgeChecks(JSON.parse(readFileSync(path.join(dir, 'o1/results.json'), 'utf8'))).filter((c) => c.status === 'error');
    expect(errored).toHaveLength(1);

    const resumed = await cli(['run', '--resume', summary.runId, '--no-cache', '--out', 'o2', '--format', 'json', '--json'], dir);
    expect(resumed.stderr).toBe('');
    expect(resumed.code).toBe(0);
    expect(answerRequests() - a0).toBe(3);
    expect(judgeRequests() - j0).toBe(4);
    const results = JSON.parse(readFileSync(path.join(dir, 'o2/results.json'), 'utf8'));
    expect(results.items).toHaveLength(3);
    for (const c of judgeChecks(results)) expect(['pass', 'fail']).toContain(c.status);
    expect(results.judges[0]).toMatchObject({ verdicts: 3, errors: 0 });

    // Nothing is left in error: a second resume is refused.
    const again = await cli(['run', '--resume', summary.runId, '--no-cache'], dir);
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/already finished, with no item in error/);
  });
});
