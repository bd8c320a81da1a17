// Judgements are reused only when nothing that shapes them changed: same answer, checks and judging environment.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ResponseCache } from '../../src/run/cache.js';
import { executeRun } from '../../src/run/run.js';
import type { ModelConfig } from '../../src/config/schema.js';
import type { Suite } from '../../src/types/suite.js';
import { answersByPrompt, coreSuite, FAKE_KEY } from '../helpers/live.js';
import { startOpenAIServer, type OpenAIServer } from '../helpers/openai-server.js';
import { queryFile, withFile } from '../helpers/sqlite.js';
import { tempTree } from '../helpers/tmp.js';
import { createFakeSpcomp } from '../compile/fake-spcomp.js';

let server: OpenAIServer;
let suite: Suite;
let model: ModelConfig;
const fast = { baseDelayMs: 5, maxDelayMs: 100 };

beforeAll(async () => {
  const core = await coreSuite();
  suite = { ...core, cases: core.cases.slice(0, 5) };
  server = await startOpenAIServer({ answers: answersByPrompt(suite) });
  model = { label: 'v3', provider: 'openai', id: 'ft:gpt-4o-mini-2024-07-18:team:l4d2-v3:abc', baseURL: server.baseURL, apiKey: FAKE_KEY };
});
afterAll(() => server.close());

const rows = (file: string) => queryFile<{ key: string; json: string }>(file, 'SELECT key, json FROM judgements');

describe('judgement cache', () => {
  it('a warm re-run reuses stored judgements; --refresh judges again; --no-cache stores none', async () => {
    const file = path.join(tempTree({}), 'cache.db');
    const cache = new ResponseCache(file);
    const first = await executeRun({ suite, models: [model], live: { cache, scheduler: fast } });
    cache.flush();
    expect(rows(file)).toHaveLength(5);

    // Tamper with one stored verdict: a reused judgement shows it, a fresh one does not.
    const [row] = rows(file);
    const tampered = { ...JSON.parse(row!.json), score: 0.5 };
    withFile(file, (db) => db.prepare('UPDATE judgements SET json = ? WHERE key = ?').run(JSON.stringify(tampered), row!.key));
    const warm = await executeRun({ suite, models: [model], live: { cache, scheduler: fast } });
    expect(warm.items.map((i) => i.score)).toContain(0.5);
    const scores = (r: typeof first) => new Map(r.items.map((i) => [i.caseId, i.score]));
    const changed = warm.items.find((i) => i.score === 0.5)!.caseId;
    expect(scores(first).get(changed)).not.toBe(0.5);
    expect([...scores(warm)].filter(([id]) => id !== changed)).toEqual([...scores(first)].filter(([id]) => id !== changed));

    const refreshed = await executeRun({ suite, models: [model], live: { cache, cacheMode: 'refresh', scheduler: fast } });
    expect(refreshed.items.map((i) => i.score)).toEqual(first.items.map((i) => i.score));
    cache.close();

    const offFile = path.join(tempTree({}), 'cache.db');
    const off = new ResponseCache(offFile);
    await executeRun({ suite, models: [model], live: { cache: off, cacheMode: 'off', scheduler: fast } });
    off.close();
    expect(rows(offFile)).toHaveLength(0);
  });

  it('is not used when spcomp judges the answers (its files can change without the key seeing it)', async () => {
    const file = path.join(tempTree({}), 'cache.db');
    const cache = new ResponseCache(file);
    const run = await executeRun({ suite, models: [model], live: { cache, scheduler: fast }, compiler: { spcomp: createFakeSpcomp().bin } });
    cache.close();
    expect(run.items.every((i) => i.compile?.mode === 'spcomp')).toBe(true);
    expect(rows(file)).toHaveLength(0);
  });
});
