// The judge from the command line: run (reports, cache), estimate, calibrate and the gate, against a loopback judge.
import { readFileSync, writeFileSync, appendFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keywordJudge } from '../../bench/loopback-judge.js';
import { cli, tempProject } from '../helpers/cli.js';
import { startOpenAIServer, type OpenAIServer } from '../helpers/openai-server.js';

let server: OpenAIServer;
let dir: string;

beforeAll(async () => {
  server = await startOpenAIServer({ judge: keywordJudge, servedModel: 'keyword-judge-loopback' });
  dir = tempProject();
  // A judge model next to the replayed ones; the local server needs no key.
  appendFileSync(
    path.join(dir, 'l4d2-eval.config.yaml'),
    `\njudge: { model: grader }\n`,
  );
  const config = readFileSync(path.join(dir, 'l4d2-eval.config.yaml'), 'utf8').replace(
    /^models:\n/m,
    `models:\n  grader:\n    provider: openai\n    id: gpt-judge\n    baseURL: ${server.baseURL}\n    pricing: { input: 2.5, output: 10 }\n`,
  );
  writeFileSync(path.join(dir, 'l4d2-eval.config.yaml'), config);
});
afterAll(() => server.close());

const judgeRequests = () => server.requests.filter((r) => r.body.response_format !== undefined).length;

describe('run with judge checks', () => {
  it('judges every answer once, lists the judge apart with its cost, and shows verdicts in md, html and json; a re-run sends no judge request', async () => {
    const before = judgeRequests();
    const r = await cli(['run', 'suites/intent.yaml', '--out', 'out1', '--json'], dir);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const summary = JSON.parse(r.stdout);
    // Both replay models are evaluated; the judge (config judge.model) is not one of them.
    expect(summary.models.map((m: { label: string }) => m.label)).toEqual(['v1', 'v2']);
    expect(summary.judges).toEqual([expect.objectContaining({ label: 'grader', modelId: 'gpt-judge', servedModels: ['keyword-judge-loopback'], verdicts: 6, errors: 0, cached: 0 })]);
    expect(summary.judges[0].costUsd).toBeGreaterThan(0);
    expect(judgeRequests() - before).toBe(6);

    const results = JSON.parse(readFileSync(path.join(dir, 'out1/results.json'), 'utf8'));
    const check = results.items[0].checks.find((c: { kind: string }) => c.kind === 'judge');
    expect(check.details.judge).toMatchObject({ label: 'grader', servedModel: 'keyword-judge-loopback' });
    expect(check.details.criteria[0]).toMatchObject({ id: 'right-event', verdict: expect.stringMatching(/pass|fail/), reason: expect.any(String) });
    const md = readFileSync(path.join(dir, 'out1/report.md'), 'utf8');
    expect(md).toContain('## Judges');
    expect(md).toMatch(/\| \*\*grader\*\* \| keyword-judge-loopback \| 6 \| 0 \| 0 \|/);
    expect(md).toMatch(/\| right-event \(required\) \| (pass|fail) \| The code/);
    const html = readFileSync(path.join(dir, 'out1/report.html'), 'utf8');
    expect(html).toContain('id="judges-h"');
    expect(html).toMatch(/<th scope="row">survivors-only \(required\)<\/th><td class="(pass|fail)">/);

    const again = await cli(['run', 'suites/intent.yaml', '--out', 'out2', '--json'], dir);
    expect(again.code).toBe(0);
    expect(judgeRequests() - before).toBe(6);
    expect(JSON.parse(again.stdout).judges[0]).toMatchObject({ verdicts: 6, cached: 6, costUsd: 0 });
  });

  it('compare shows the judges and their verdicts too', async () => {
    const r = await cli(['compare', 'out1/results.json', '--out', 'cmp', '--format', 'md', '--quiet'], dir);
    expect(r.code).toBe(0);
    const md = readFileSync(path.join(dir, 'cmp/comparison.md'), 'utf8');
    expect(md).toContain('## Judges');
    expect(md).toMatch(/\| repeats \(required\) \| (pass|fail) \|/);
  });

  it('run --batch grades judge checks through the judge\'s direct API when the answers are collected', async () => {
    const batchDir = tempProject();
    const file = path.join(batchDir, 'l4d2-eval.config.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/^models:\n/m, `judge: { model: grader }\nmodels:\n  grader:\n    provider: openai\n    id: gpt-judge\n    baseURL: ${server.baseURL}\n  v3:\n    provider: openai\n    id: ft:gpt-4o-mini:v3\n    baseURL: ${server.baseURL}\n`));
    const before = judgeRequests();
    const sent = await cli(['run', 'suites/intent.yaml', '--models', 'v3', '--batch', '--json'], batchDir);
    expect(sent.code).toBe(0);
    expect(judgeRequests() - before).toBe(0);
    const runId = JSON.parse(sent.stdout).runId;
    const got = await cli(['batch', 'collect', runId, '--out', 'bout', '--format', 'json', '--json'], batchDir);
    expect(got.code).toBe(0);
    expect(judgeRequests() - before).toBe(3);
    const results = JSON.parse(readFileSync(path.join(batchDir, 'bout/results.json'), 'utf8'));
    expect(results.judges[0]).toMatchObject({ label: 'grader', verdicts: 3 });
    for (const item of results.items) expect(item.checks.find((c: { kind: string }) => c.kind === 'judge').details.criteria.length).toBeGreaterThan(2);
  });

  it('estimate counts the judge calls on a row of their own', async () => {
    const r = await cli(['estimate', 'suites/intent.yaml', '--json'], dir);
    expect(r.code).toBe(0);
    const rows = JSON.parse(r.stdout).models;
    expect(rows.map((m: { label: string }) => m.label)).toEqual(['v1', 'v2', 'judge:grader']);
    expect(rows[2]).toMatchObject({ items: 6 });
    expect(rows[2].direct).toBeGreaterThan(0);
    const text = await cli(['estimate', 'suites/intent.yaml'], dir);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/judge:grader\s+│\s+6\s+│/);
  });

  it('--max-cost counts the judge calls', async () => {
    const before = server.requests.length;
    const r = await cli(['run', 'suites/intent.yaml', '--max-cost', '0.001', '--out', 'capped'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/estimated cost \$0\.\d+ \(of which the judge \$0\.\d+\) is above --max-cost \$0\.00; nothing was sent/);
    expect(server.requests.length).toBe(before);
  });

  it('a judge check with no judge model is refused before anything is sent', async () => {
    const bare = tempProject();
    const r = await cli(['run', 'suites/intent.yaml'], bare);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/no judge model is set/);
    expect(r.stderr).toMatch(/judge: \{ model: LABEL \}/);
  });
});

describe('calibrate and the gate', () => {
  it('the gate never counts an uncalibrated judge', async () => {
    const r = await cli(['gate', 'out1/results.json', '--baseline', 'v1', '--candidate', 'v2', '--json'], dir);
    const gate = JSON.parse(r.stdout);
    expect(gate.judges.every((j: { counted: boolean }) => !j.counted)).toBe(true);
    expect(gate.judges[0].reason).toMatch(/min_judge_kappa is not set/);
  });

  it('prints agreement, kappa with its interval, the confusion matrix, the criteria and the answers it got wrong', async () => {
    const r = await cli(['calibrate', 'fixtures/calibration/labels.jsonl', '--suite', 'suites/intent.yaml', '--json'], dir);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const c = JSON.parse(r.stdout);
    // The keyword judge is fooled twice: a constant health and a hint sent to the infected team.
    expect(c).toMatchObject({ labelled: 12, graded: 12, errors: 0, confusion: { pass: { pass: 5, fail: 0 }, fail: { pass: 2, fail: 5 } } });
    expect(c.agreement).toBeCloseTo(10 / 12, 10);
    expect(c.kappa).toBeCloseTo(50 / 74, 10);
    expect(c.kappaCi.low).toBeLessThan(c.kappa);
    expect(c.wrong.map((w: { answer: string }) => w.answer).sort()).toEqual(['answers/ledge-team-3.md', 'answers/tank-constant-health.md']);
    expect(c.criteria[0]).toMatchObject({ disagreements: 1 });
    expect(c.rubrics.map((x: { id: string; kappa: number }) => [x.id, x.kappa])).toEqual([['tank-spawn-event', 0.5], ['ledge-alert-team', 0.5], ['survival-timer', 1]]);
    expect(c.judge.servedModels).toEqual(['keyword-judge-loopback']);

    const text = await cli(['calibrate', 'fixtures/calibration/labels.jsonl', '--suite', 'suites/intent.yaml'], dir);
    expect(text.stdout).toMatch(/kappa/);
    expect(text.stdout).toMatch(/human pass\s+│?\s*5\s+│?\s*0/);
    expect(text.stdout).toContain('answers/ledge-team-3.md: human fail, judge pass');
  });

  it('with gate.min_judge_kappa the gate counts only the judge × rubric calibrated above it', async () => {
    const file = path.join(dir, 'l4d2-eval.config.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/^gate:\n/m, 'gate:\n  min_judge_kappa: 0.6\n'));
    const r = await cli(['gate', 'out1/results.json', '--baseline', 'v1', '--candidate', 'v2', '--json'], dir);
    const byRubric = Object.fromEntries(JSON.parse(r.stdout).judges.map((j: { rubric: string; counted: boolean }) => [j.rubric, j.counted]));
    expect(byRubric).toEqual({ 'tank-spawn-event': false, 'ledge-alert-team': false, 'survival-timer': true });
  });

  it('bad labels are usage errors naming the line', async () => {
    writeFileSync(path.join(dir, 'bad.jsonl'), '{"answer": "nope.md", "label": "pass", "case": "game-survival-timer"}\n');
    const r = await cli(['calibrate', 'bad.jsonl', '--suite', 'suites/intent.yaml'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/bad\.jsonl:1: answer file not found: nope\.md/);
  });
});
