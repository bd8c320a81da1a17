import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parse, stringify } from 'yaml';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ItemResult, RunResult } from '../../src/types/run.js';
import { cli, tempProject } from '../helpers/cli.js';
import { answersByPrompt, coreSuite, FAKE_KEY, filesContaining } from '../helpers/live.js';
import { startOpenAIServer, type OpenAIServer } from '../helpers/openai-server.js';

let server: OpenAIServer;
let caseIds: string[];

function project(): string {
  const dir = tempProject();
  const cfg = path.join(dir, 'l4d2-eval.config.yaml');
  const doc = parse(readFileSync(cfg, 'utf8')) as { models: Record<string, unknown> };
  doc.models.v3 = { provider: 'openai', id: 'ft:gpt-4o-mini-2024-07-18:team:l4d2-v3:abc', baseURL: server.baseURL, apiKey: '${L4D2_TEST_KEY}' };
  writeFileSync(cfg, stringify(doc));
  return dir;
}

// The subprocess inherits the key from this process's env, read through the config's ${VAR}.
const run = (args: string[], dir: string) => cli(args, dir);
const results = (dir: string, out: string): RunResult => JSON.parse(readFileSync(path.join(dir, out, 'results.json'), 'utf8')) as RunResult;
const judged = (i: ItemResult) => ({ caseId: i.caseId, sample: i.sample, status: i.status, score: i.score, checks: i.checks, syntax: i.syntax, api: i.api, answer: i.answer });

beforeAll(async () => {
  process.env.L4D2_TEST_KEY = FAKE_KEY;
  const suite = await coreSuite();
  caseIds = suite.cases.map((c) => c.id);
  server = await startOpenAIServer({ answers: answersByPrompt(suite) });
});
afterAll(() => server.close());
afterEach(() => Object.assign(server.options, { batchPolls: 0, batchFail: undefined }));

describe('run --batch, batch status, batch collect', () => {
  it('round trip through the CLI gives the results of a direct run, at batch prices, without the key anywhere', async () => {
    const dir = project();
    server.options.batchPolls = 2;
    const lines0 = server.batchLines.length;
    const chats0 = server.requests.length;
    const sub = await run(['run', '--batch', '--json', '--models', 'v3'], dir);
    expect(sub.code, sub.stderr).toBe(0);
    const { runId, status, batches } = JSON.parse(sub.stdout) as { runId: string; status: string; batches: { lines: number }[] };
    expect(status).toBe('batch_pending');
    expect(batches.map((b) => b.lines)).toEqual([caseIds.length]);
    expect(server.batchLines.length - lines0).toBe(caseIds.length);
    expect(server.requests.length).toBe(chats0);

    const st = await run(['batch', 'status'], dir);
    expect(st.stdout).toContain(`Run ${runId} (batch_pending):`);
    expect(st.stdout).toMatch(new RegExp(`v3 +batch_\\d+ +in_progress +0/${caseIds.length} done, 0 failed`));
    const early = await run(['batch', 'collect', runId], dir);
    expect(early.code).toBe(0);
    expect(early.stdout).toContain('is not finished yet');

    // Collected by a fresh process (each call is one) that knows nothing but the store and the config.
    const col = await run(['batch', 'collect', runId, '--wait', '--poll', '0.05', '--json', '--out', 'batch-out', '--format', 'json,md'], dir);
    expect(col.code, col.stderr).toBe(0);
    const doc = JSON.parse(col.stdout) as { status: string; missing: unknown[]; models: { requests: number; costUsd: number; inputTokens: number; outputTokens: number }[] };
    expect(doc).toMatchObject({ status: 'finished', missing: [] });
    expect(doc.models[0]).toMatchObject({ requests: caseIds.length, cachedResponses: 0, errors: 0 });
    const m = doc.models[0]!;
    expect(m.costUsd).toBeCloseTo((m.inputTokens * 0.15 + m.outputTokens * 0.6) / 1e6, 10);
    expect(server.requests.length).toBe(chats0);
    // `estimate --batch` prices tokens at the same rates collect charged.
    const est = JSON.parse((await run(['estimate', '--json', '--models', 'v3'], dir)).stdout) as { models: { inputTokens: number; outputTokens: number; batch: number }[] };
    const e = est.models[0]!;
    expect(e.batch).toBeCloseTo((e.inputTokens * 0.15 + e.outputTokens * 0.6) / 1e6, 10);

    const direct = project();
    const d = await run(['run', '--json', '--models', 'v3', '--out', 'direct-out', '--format', 'json'], direct);
    expect(d.code, d.stderr).toBe(0);
    expect(results(dir, 'batch-out').items.map(judged)).toEqual(results(direct, 'direct-out').items.map(judged));
    expect(results(dir, 'batch-out').models[0]!.avgScore).toBe(results(direct, 'direct-out').models[0]!.avgScore);

    const runs = JSON.parse((await run(['runs', '--json'], dir)).stdout) as { runId: string; status: string }[];
    expect(runs).toEqual([expect.objectContaining({ runId, status: 'finished' })]);
    expect(filesContaining(dir, FAKE_KEY)).toEqual([]);
    expect(server.batchAuth.at(-1)).toBe(`Bearer ${FAKE_KEY}`);
  });

  it('a partially failed batch lists the missing items and --resubmit sends only those', async () => {
    const dir = project();
    const failing = [caseIds[1]!, caseIds[4]!];
    server.options.batchFail = (id) => failing.some((c) => id.endsWith(`/${c}/1`));
    const sub = await run(['run', '--batch', '--models', 'v3'], dir);
    expect(sub.code, sub.stderr).toBe(0);
    const runId = /Run (\S+) submitted/.exec(sub.stdout)![1]!;
    expect(sub.stdout).toContain(`l4d2-eval batch collect ${runId}`);

    const col = await run(['batch', 'collect', '--quiet'], dir);
    expect(col.code).toBe(0);
    expect(col.stderr).toContain('2 items missing (stored as errors):');
    for (const c of failing) expect(col.stderr).toMatch(new RegExp(`v3 +${c} #1: batch request failed \\(500\\)`));
    expect(col.stderr).toContain(`l4d2-eval batch collect ${runId} --resubmit`);

    server.options.batchFail = undefined;
    const before = server.batchLines.length;
    const re = await run(['batch', 'collect', runId, '--resubmit'], dir);
    expect(re.code, re.stderr).toBe(0);
    expect(re.stdout).toContain('Resubmitted the missing items:');
    expect(server.batchLines.slice(before).map((l) => l.customId)).toEqual(failing.map((c) => `${runId}/v3/${c}/1`));

    const fin = await run(['batch', 'collect', runId, '--json', '--out', 'after', '--format', 'json'], dir);
    expect(JSON.parse(fin.stdout)).toMatchObject({ status: 'finished', missing: [], models: [{ errors: 0, requests: caseIds.length + 2 }] });
    expect(results(dir, 'after').items).toHaveLength(caseIds.length);
  });

  it('refuses replay models and a direct --resume of a batch run, with exit 2', async () => {
    const dir = project();
    const mixed = await run(['run', '--batch', '--models', 'v3,v1'], dir);
    expect(mixed.code).toBe(2);
    expect(mixed.stderr).toContain('model v1 uses provider replay: the Batch API is for openai models only');
    const none = await run(['batch', 'status'], dir);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('no batch run in');

    server.options.batchPolls = 5;
    const sub = await run(['run', '--batch', '--json', '--models', 'v3'], dir);
    const { runId } = JSON.parse(sub.stdout) as { runId: string };
    const resume = await run(['run', '--resume', runId], dir);
    expect(resume.code).toBe(2);
    expect(resume.stderr).toContain(`collect it with \`l4d2-eval batch collect ${runId}\``);
  });
});
