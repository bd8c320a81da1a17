import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ResponseCache } from '../../src/run/cache.js';
import { executeRun } from '../../src/run/run.js';
import { RunStore, storedModel } from '../../src/run/store.js';
import type { ModelConfig } from '../../src/config/schema.js';
import type { Suite } from '../../src/types/suite.js';
import { reporters } from '../../src/report/index.js';
import { answersByPrompt, coreSuite, FAKE_KEY, filesContaining } from '../helpers/live.js';
import { startOpenAIServer, type OpenAIServer } from '../helpers/openai-server.js';
import { tempTree } from '../helpers/tmp.js';

let server: OpenAIServer;
let suite: Suite;
let v3: ModelConfig;
const fast = { baseDelayMs: 5, maxDelayMs: 100 };

beforeAll(async () => {
  suite = await coreSuite();
  server = await startOpenAIServer({ answers: answersByPrompt(suite) });
  v3 = { label: 'v3', provider: 'openai', id: 'ft:gpt-4o-mini-2024-07-18:team:l4d2-v3:abc', baseURL: server.baseURL, apiKey: FAKE_KEY };
});
afterAll(() => server.close());

describe('executeRun with a live openai model', () => {
  it('asks once per item, caches, and a second run sends no request', async () => {
    const dir = tempTree({});
    const cache = new ResponseCache(path.join(dir, 'cache.db'));
    const n = suite.cases.length;
    const before = server.requests.length;
    const first = await executeRun({ suite, models: [v3], live: { cache, scheduler: fast } });
    expect(server.requests.length - before).toBe(n);
    const m1 = first.models[0]!;
    expect(m1).toMatchObject({ items: n, errors: 0, requests: n, cachedResponses: 0, retries: 0 });
    expect(m1.costUsd).toBeGreaterThan(0);
    expect(m1.avgScore).toBeGreaterThan(5);

    const second = await executeRun({ suite, models: [v3], live: { cache, scheduler: fast } });
    expect(server.requests.length - before).toBe(n);
    expect(second.models[0]).toMatchObject({ requests: 0, cachedResponses: n, costUsd: 0, avgScore: m1.avgScore });
    expect(second.items.every((i) => i.cached)).toBe(true);

    await executeRun({ suite, models: [v3], live: { cache, cacheMode: 'refresh', scheduler: fast } });
    expect(server.requests.length - before).toBe(2 * n);
    const off = await executeRun({ suite, models: [v3], live: { cache, cacheMode: 'off', scheduler: fast } });
    expect(server.requests.length - before).toBe(3 * n);
    expect(off.models[0]?.cachedResponses).toBe(0);
    cache.close();
  });

  it('counts retries and still judges every item', async () => {
    server.options.faults = ['429', '500', 'drop'];
    const run = await executeRun({ suite, models: [v3], live: { scheduler: fast } });
    expect(run.models[0]).toMatchObject({ errors: 0, retries: 3, requests: suite.cases.length + 3 });
  });

  it('stops only the model with a permanent error, with one clear message', async () => {
    const noKey: ModelConfig = { ...v3, label: 'v4', apiKey: '${L4D2_TEST_UNSET_KEY}' };
    const run = await executeRun({ suite, models: [noKey, v3], live: { scheduler: fast } });
    const [bad, good] = run.models;
    expect(bad).toMatchObject({ errors: suite.cases.length, requests: 0 });
    expect(good).toMatchObject({ errors: 0 });
    const errs = run.items.filter((i) => i.model === 'v4');
    expect(new Set(errs.map((i) => i.error?.message))).toEqual(new Set(['L4D2_TEST_UNSET_KEY is not set: export it or set apiKey in the config for model v4']));
  });

  it('resumes: stored items are not asked again, and the key is in no file', async () => {
    const dir = tempTree({});
    const store = new RunStore(path.join(dir, 'runs.db'));
    const cache = new ResponseCache(path.join(dir, 'cache.db'));
    const ctl = new AbortController();
    let seen = 0;
    const meta = { runId: 'r1', startedAt: new Date().toISOString(), suite: { name: suite.name, description: '', files: suite.files, passScore: 7 }, cases: [], models: [storedModel(v3)] };
    store.beginRun(meta);
    server.options.latencyMs = 20;
    const part = await executeRun({
      suite, models: [v3], runId: 'r1', signal: ctl.signal, live: { scheduler: { ...fast, concurrency: 2 } },
      onItem: (item) => {
        store.putItem('r1', item);
        if (++seen === 10) ctl.abort();
      },
    });
    expect(part.status).toBe('interrupted');
    store.setStatus('r1', 'interrupted');
    const stored = store.items('r1');
    expect(stored.length).toBeGreaterThanOrEqual(10);
    expect(stored.length).toBeLessThan(suite.cases.length);
    server.options.latencyMs = 0;
    await new Promise((r) => setTimeout(r, 200)); // let aborted requests that were on the wire arrive
    const before = server.requests.length;
    const rest = await executeRun({ suite, models: [v3], runId: 'r1', done: stored, live: { cache, scheduler: fast }, onItem: (i) => store.putItem('r1', i) });
    expect(server.requests.length - before).toBe(suite.cases.length - stored.length);
    expect(rest.status).toBeUndefined();
    expect(store.items('r1')).toHaveLength(suite.cases.length);
    expect(store.meta('r1')?.models[0]).not.toHaveProperty('apiKey');
    store.close();
    cache.close();
    expect(reporters.json.render(rest, {})).not.toContain(FAKE_KEY);
    expect(reporters.md.render(rest, {})).not.toContain(FAKE_KEY);
    expect(filesContaining(dir, FAKE_KEY)).toEqual([]);
    expect(filesContaining(dir, 'OnPluginStart').length).toBeGreaterThan(0); // the grep itself can find things
  });
});

describe('concurrency', () => {
  const twoModels = () => [v3, { ...v3, label: 'v3b', id: 'ft:gpt-4o-mini-2024-07-18:team:l4d2-v3b:def' }];
  const small = () => ({ ...suite, cases: suite.cases.slice(0, 6) });

  /** Runs the six small cases for two models at 150 ms latency; the most requests the server had in flight at once. */
  async function maxInFlight(limits: { concurrency?: number; modelConcurrency?: number }): Promise<number> {
    server.options.latencyMs = 150;
    server.takeMaxInFlight();
    try {
      const run = await executeRun({ suite: small(), models: twoModels(), ...limits, live: { scheduler: fast } });
      expect(run.items).toHaveLength(12);
      return server.takeMaxInFlight();
    } finally {
      server.options.latencyMs = 0;
    }
  }

  it('--concurrency is the total in flight across all models', async () => {
    expect(await maxInFlight({ concurrency: 3 })).toBe(3);
  });

  it('--model-concurrency limits each model; without a total every model uses its own limit', async () => {
    expect(await maxInFlight({ modelConcurrency: 2 })).toBe(4);
  });

  it('judging an answer does not hold a request slot: the next request goes out while the first answer is judged', async () => {
    const cases = suite.cases.slice(0, 3);
    const before = server.requests.length;
    let release!: () => void;
    const secondAsked = new Promise<void>((resolve) => (release = resolve));
    const poll = setInterval(() => {
      if (server.requests.length >= before + 2) release();
    }, 5);
    try {
      // With one slot, the first answer's judging waits until a second request reached the server: were the slot
      // held through judging, that request could never be sent and the run would never end.
      const run = await executeRun({
        suite: { ...suite, cases },
        models: [v3],
        concurrency: 1,
        live: { scheduler: fast },
        afterJudge: async (item) => {
          if (item.caseId === cases[0]!.id) await secondAsked;
          return item;
        },
      });
      expect(run.items.map((i) => i.status)).not.toContain('error');
      expect(run.items).toHaveLength(3);
    } finally {
      clearInterval(poll);
    }
  });
});
