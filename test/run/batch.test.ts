import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { collectRun, missingWork } from '../../src/batch/collect.js';
import { parseResultLines, requestLine } from '../../src/batch/lines.js';
import { loadBatchRun } from '../../src/batch/result.js';
import { BatchStore } from '../../src/batch/store.js';
import { sendWork, submitBatchRun } from '../../src/batch/submit.js';
import type { ModelConfig } from '../../src/config/schema.js';
import { costUsd, GPT4O_MINI_FT_PRICING } from '../../src/cost/pricing.js';
import { ResponseCache } from '../../src/run/cache.js';
import { RunStore } from '../../src/run/store.js';
import type { Suite } from '../../src/types/suite.js';
import { answersByPrompt, coreSuite, FAKE_KEY } from '../helpers/live.js';
import { startOpenAIServer, type OpenAIServer } from '../helpers/openai-server.js';
import { tempTree } from '../helpers/tmp.js';

let server: OpenAIServer;
let full: Suite;
let suite: Suite;
const open: { close(): void }[] = [];

beforeAll(async () => {
  process.env.L4D2_BATCH_TEST_KEY = FAKE_KEY;
  full = await coreSuite();
  // Six cases keep judging fast; the CLI test runs the whole suite.
  suite = { ...full, cases: full.cases.slice(0, 6) };
  server = await startOpenAIServer({ answers: answersByPrompt(full) });
});
afterAll(() => server.close());
afterEach(() => {
  for (const o of open.splice(0)) o.close();
  Object.assign(server.options, { batchPolls: 0, batchFail: undefined, batchExpire: undefined, batchExpireAfter: undefined });
});

const model = (): ModelConfig => ({ label: 'v3', provider: 'openai', id: 'ft:gpt-4o-mini-2024-07-18:team:l4d2-v3:abc', baseURL: server.baseURL, apiKey: '${L4D2_BATCH_TEST_KEY}' });

function stores() {
  const dir = tempTree({});
  const store = new RunStore(path.join(dir, 'runs.db'));
  const batches = new BatchStore(store.file);
  const cache = new ResponseCache(path.join(dir, 'cache.db'));
  open.push(cache, batches, store);
  return { store, batches, cache, cacheMode: 'use' as const };
}

describe('batch result lines', () => {
  it('maps answers and failures by custom_id and skips lines it cannot read', () => {
    const ok = { custom_id: 'r/v3/a/1', response: { status_code: 200, body: { choices: [{ message: { content: 'code' }, finish_reason: 'stop' }], usage: { prompt_tokens: 10, completion_tokens: 4 } } }, error: null };
    const bad = { custom_id: 'r/v3/b/1', response: { status_code: 500, body: { error: { message: 'boom', type: 'server_error' } } }, error: null };
    const expired = { custom_id: 'r/v3/c/1', response: null, error: { code: 'batch_expired', message: 'not done in time' } };
    const map = parseResultLines([JSON.stringify(ok), 'not json', '{"no":"id"}'].join('\n'), [JSON.stringify(bad), JSON.stringify(expired)].join('\n'));
    expect([...map.keys()]).toEqual(['r/v3/a/1', 'r/v3/b/1', 'r/v3/c/1']);
    expect(map.get('r/v3/a/1')).toMatchObject({ text: 'code', usage: { inputTokens: 10, outputTokens: 4 }, finishReason: 'stop' });
    expect(map.get('r/v3/b/1')?.error?.message).toContain('(500)');
    expect(map.get('r/v3/c/1')?.error?.message).toContain('batch_expired');
  });

  it('writes request lines with only the params that are set', () => {
    const line = requestLine('id', 'm', [{ role: 'user', content: 'hi' }], { temperature: 0.2, seed: undefined });
    expect(line).toEqual({ custom_id: 'id', method: 'POST', url: '/v1/chat/completions', body: { model: 'm', messages: [{ role: 'user', content: 'hi' }], temperature: 0.2 } });
  });
});

describe('batch submit and collect', () => {
  it('round trip: one line per item, pending until the batch ends, then judged, cached and priced at batch rates', async () => {
    const s = stores();
    server.options.batchPolls = 1;
    const before = server.batchLines.length;
    const { runId, sent } = await submitBatchRun(suite, [model()], s);
    expect(sent).toEqual([expect.objectContaining({ model: 'v3', lines: 6 })]);
    expect(server.batchLines.slice(before).map((l) => l.customId)).toEqual(suite.cases.map((c) => `${runId}/v3/${c.id}/1`));
    expect(s.store.status(runId)?.status).toBe('batch_pending');

    const first = await collectRun(runId, { ...s, suite, models: [model()] });
    expect(first.pending).toHaveLength(1);
    expect(s.store.items(runId)).toHaveLength(0);
    const second = await collectRun(runId, { ...s, suite, models: [model()] });
    expect(second).toMatchObject({ pending: [], missing: [] });
    expect(s.store.status(runId)?.status).toBe('finished');

    const run = loadBatchRun(s.store, runId)!;
    expect(run.items.map((i) => i.status).every((st) => st !== 'error')).toBe(true);
    const m = run.models[0]!;
    expect(m).toMatchObject({ requests: 6, cachedResponses: 0, errors: 0 });
    expect(m.costUsd).toBeCloseTo(costUsd({ inputTokens: m.inputTokens, outputTokens: m.outputTokens }, GPT4O_MINI_FT_PRICING, true), 10);

    // Answers went into the cache: the same suite again sends no batch at all and finishes at once.
    const again = await submitBatchRun(suite, [model()], s);
    expect(again.sent).toEqual([]);
    expect(s.store.status(again.runId)?.status).toBe('finished');
    expect(loadBatchRun(s.store, again.runId)!.models[0]).toMatchObject({ cachedResponses: 6, costUsd: 0 });
    expect(server.batchAuth.every((a) => a === `Bearer ${FAKE_KEY}`)).toBe(true);
  });

  it('an expired batch leaves the unanswered items missing; resubmitting sends only those', async () => {
    const s = stores();
    Object.assign(server.options, { batchExpire: true, batchExpireAfter: 2 });
    const { runId } = await submitBatchRun(suite, [model()], s);
    const res = await collectRun(runId, { ...s, suite, models: [model()] });
    expect(res.batches[0]?.status).toBe('expired');
    expect(res.missing.map((x) => x.caseId)).toEqual(suite.cases.slice(2).map((c) => c.id));
    expect(s.store.items(runId).filter((i) => i.status === 'error')).toHaveLength(4);

    Object.assign(server.options, { batchExpire: false });
    const before = server.batchLines.length;
    const sent = await sendWork(runId, [model()], missingWork({ suite, models: [model()] }, res.missing), s);
    expect(sent[0]?.lines).toBe(4);
    expect(server.batchLines.slice(before).map((l) => l.customId)).toEqual(suite.cases.slice(2).map((c) => `${runId}/v3/${c.id}/1`));
    const done = await collectRun(runId, { ...s, suite, models: [model()] });
    expect(done.missing).toEqual([]);
    expect(s.store.items(runId).filter((i) => i.status === 'error')).toEqual([]);
    expect(loadBatchRun(s.store, runId)!.models[0]).toMatchObject({ requests: 10, items: 6, errors: 0 });
  });

  it('refuses models that are not openai before registering anything', async () => {
    const s = stores();
    const replay: ModelConfig = { label: 'v1', provider: 'replay', id: 'x' };
    await expect(submitBatchRun(suite, [model(), replay], s)).rejects.toThrow(/v1 uses provider replay: the Batch API is for openai models only/);
    expect(s.store.list()).toEqual([]);
  });
});
