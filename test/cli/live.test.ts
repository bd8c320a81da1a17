import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { execa } from 'execa';
import { parse, stringify } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI, cli, tempProject } from '../helpers/cli.js';
import { answersByPrompt, coreServer, coreSuite, FAKE_KEY, filesContaining } from '../helpers/live.js';
import { startOpenAIServer, type OpenAIServer } from '../helpers/openai-server.js';
import { queryFile } from '../helpers/sqlite.js';

let server: OpenAIServer;
let n: number;

/** A temp project whose config adds a live model v3 served by `baseURL` (the shared loopback server by default). */
function project(extra: Record<string, unknown> = {}, baseURL = server.baseURL): string {
  const dir = tempProject();
  const cfg = path.join(dir, 'l4d2-eval.config.yaml');
  const doc = parse(readFileSync(cfg, 'utf8')) as { models: Record<string, unknown> };
  doc.models.v3 = { provider: 'openai', id: 'ft:gpt-4o-mini-2024-07-18:team:l4d2-v3:abc', baseURL, apiKey: '${L4D2_TEST_KEY}', ...extra };
  writeFileSync(cfg, stringify(doc));
  return dir;
}

function storedCount(dir: string): number {
  try {
    return queryFile<{ c: number }>(path.join(dir, '.l4d2-eval/runs.db'), 'SELECT COUNT(*) AS c FROM items')[0]?.c ?? 0;
  } catch {
    return 0;
  }
}

beforeAll(async () => {
  ({ server, n } = await coreServer());
});
afterAll(() => server.close());

describe('run against a live openai-compatible server', () => {
  it('asks each item once, re-runs from the cache, lists runs, renders by id, never writes the key', async () => {
    const dir = project();
    const before = server.requests.length;
    const first = await cli(['run', '--json', '--models', 'v3'], dir);
    expect(first.code).toBe(0);
    const m1 = JSON.parse(first.stdout).models[0];
    expect(m1).toMatchObject({ label: 'v3', requests: n, cachedResponses: 0, retries: 0, errors: 0 });
    expect(m1.costUsd).toBeGreaterThan(0);
    expect(m1.inputTokens).toBeGreaterThan(0);
    expect(server.requests.length - before).toBe(n);
    expect(server.requests.at(-1)?.authorization).toBe(`Bearer ${FAKE_KEY}`);

    const second = await cli(['run', '--json', '--models', 'v3'], dir);
    expect(JSON.parse(second.stdout).models[0]).toMatchObject({ requests: 0, cachedResponses: n, costUsd: 0, avgScore: m1.avgScore });
    expect(server.requests.length - before).toBe(n);

    const runs = await cli(['runs', '--json'], dir);
    const rows = JSON.parse(runs.stdout) as { runId: string; status: string }[];
    expect(rows.map((r) => r.status)).toEqual(['finished', 'finished']);
    const rep = await cli(['report', '--run', rows[1]!.runId, '--out', 'from-store', '--format', 'json'], dir);
    expect(rep.code).toBe(0);
    const doc = JSON.parse(readFileSync(path.join(dir, 'from-store/results.json'), 'utf8'));
    expect(doc.items).toHaveLength(n);
    expect(doc.models[0]).toMatchObject({ requests: n, avgScore: m1.avgScore });
    expect(filesContaining(dir, FAKE_KEY)).toEqual([]);
  });

  it('survives SIGKILL: --resume stores every item once and re-asks only what was in flight', async () => {
    const dir = project({ concurrency: 2 });
    server.options.latencyMs = 60;
    const before = server.requests.length;
    const child = execa(process.execPath, [CLI, 'run', '--quiet', '--models', 'v3'], { cwd: dir, reject: false, env: { NO_COLOR: '1', CI: '1' } });
    while (storedCount(dir) < 8 && child.exitCode === null) await new Promise((r) => setTimeout(r, 50));
    child.kill('SIGKILL');
    const killed = await child;
    expect(killed.signal, String(killed.stderr)).toBe('SIGKILL');
    server.options.latencyMs = 0;
    const stored = storedCount(dir);
    expect(stored).toBeLessThan(n);
    const [row] = JSON.parse((await cli(['runs', '--json'], dir)).stdout) as { runId: string; status: string }[];
    expect(row!.status).toBe('running');
    const resumed = await cli(['run', '--resume', row!.runId, '--json'], dir);
    expect(resumed.code).toBe(0);
    expect(storedCount(dir)).toBe(n);
    const asked = new Map<string, number>();
    for (const r of server.requests.slice(before)) {
      const prompt = r.messages.at(-1)!.content;
      asked.set(prompt, (asked.get(prompt) ?? 0) + 1);
    }
    expect(asked.size).toBe(n);
    const twice = [...asked.values()].filter((c) => c > 1);
    expect(twice.every((c) => c === 2)).toBe(true);
    expect(twice.length).toBeLessThanOrEqual(2); // at most the two requests in flight at the kill
    expect(JSON.parse((await cli(['runs', '--json'], dir)).stdout)[0].status).toBe('finished');
  });

  it('Ctrl-C marks the run interrupted and says how to resume', async () => {
    const dir = project({ concurrency: 1 });
    server.options.latencyMs = 50;
    const child = execa(process.execPath, [CLI, 'run', '--models', 'v3', '--no-cache'], { cwd: dir, reject: false, env: { NO_COLOR: '1', CI: '1' } });
    while (storedCount(dir) < 3) await new Promise((r) => setTimeout(r, 30));
    child.kill('SIGINT');
    const r = await child;
    server.options.latencyMs = 0;
    expect(r.exitCode).toBe(130);
    expect(String(r.stderr)).toMatch(/Resume with: l4d2-eval run --resume \d{8}-\d{6}-[0-9a-f]{6}/);
    expect(JSON.parse((await cli(['runs', '--json'], dir)).stdout)[0].status).toBe('interrupted');
  });

  it('a missing key is refused before any request (preflight); --max-cost refuses before any request', async () => {
    const dir = project();
    const before = server.requests.length;
    const r = await execa(process.execPath, [CLI, 'run', '--json', '--models', 'v2,v3', '--out', 'out'], { cwd: dir, reject: false, env: { NO_COLOR: '1', CI: '1', L4D2_TEST_KEY: '' } });
    expect(r.exitCode).toBe(2);
    expect(String(r.stderr)).toContain('error: L4D2_TEST_KEY is not set: export it or set apiKey in the config for model v3; nothing was sent');
    expect(server.requests.length).toBe(before);
    const capped = await cli(['run', '--models', 'v3', '--max-cost', '0.0001'], dir);
    expect(capped.code).toBe(2);
    expect(capped.stderr).toMatch(/estimated cost \$\d+\.\d{4} is above --max-cost \$0\.00; nothing was sent/);
    expect(server.requests.length).toBe(before);
  });

  it('estimate prints direct and batch dollars per model', async () => {
    const dir = project();
    const r = await cli(['estimate', '--models', 'v2,v3', '--json'], dir);
    expect(r.code).toBe(0);
    const est = JSON.parse(r.stdout);
    expect(est.models.map((m: { label: string }) => m.label)).toEqual(['v2', 'v3']);
    expect(est.total.batch).toBeCloseTo(est.total.direct / 2);
    const text = await cli(['estimate', '--models', 'v3'], dir);
    expect(text.stdout).toMatch(/Total: \$\d+\.\d{4} direct, \$\d+\.\d{4} with the Batch API/);
  });
});

describe('a re-run answered from the cache', () => {
  it('needs neither the server nor the key; --no-cache does, and preflight says so before sending anything', async () => {
    const suite = await coreSuite();
    const own = await startOpenAIServer({ answers: answersByPrompt(suite) });
    const dir = project({}, own.baseURL);
    const first = await cli(['run', '--models', 'v3', '--quiet'], dir);
    expect(first.code, first.stderr).toBe(0);
    expect(own.requests).toHaveLength(n);
    await own.close();
    delete process.env.L4D2_TEST_KEY;
    const again = await cli(['run', '--models', 'v3', '--quiet', '--json'], dir).finally(() => (process.env.L4D2_TEST_KEY = FAKE_KEY));
    expect(again.code, again.stderr).toBe(0);
    expect(JSON.parse(again.stdout).models[0]).toMatchObject({ requests: 0, cachedResponses: n });
    const fresh = await cli(['run', '--models', 'v3', '--quiet', '--no-cache'], dir);
    expect(fresh.code).toBe(2);
    expect(fresh.stderr).toContain(`cannot reach ${own.baseURL}`);
    expect(fresh.stderr).not.toMatch(/^\s+at /m);
  });
});

describe('gate and compare from labels', () => {
  it('answer live models through the response cache, as run does: a second gate sends no request', async () => {
    const dir = project();
    const before = server.requests.length;
    const first = await cli(['gate', '--baseline', 'v2', '--candidate', 'v3', '--json'], dir);
    expect([0, 1], first.stderr).toContain(first.code);
    expect(server.requests.length - before).toBe(n);
    const second = await cli(['gate', '--baseline', 'v2', '--candidate', 'v3', '--json'], dir);
    expect(second.code).toBe(first.code);
    expect(server.requests.length - before).toBe(n);
    const compared = await cli(['compare', 'v2', 'v3', '--json', '--out', path.join(dir, 'cmp')], dir);
    expect(compared.code, compared.stderr).toBe(0);
    expect(server.requests.length - before).toBe(n);
  });

  it('a gate or compare answered from the cache needs neither the server nor the key; --no-cache does', async () => {
    const suite = await coreSuite();
    const own = await startOpenAIServer({ answers: answersByPrompt(suite) });
    const dir = project({}, own.baseURL);
    const first = await cli(['gate', '--baseline', 'v2', '--candidate', 'v3', '--json'], dir);
    expect([0, 1], first.stderr).toContain(first.code);
    expect(own.requests).toHaveLength(n);
    await own.close();
    delete process.env.L4D2_TEST_KEY;
    try {
      const again = await cli(['gate', '--baseline', 'v2', '--candidate', 'v3', '--json'], dir);
      expect(again.code, again.stderr).toBe(first.code);
      expect({ ...JSON.parse(again.stdout), runId: '' }).toEqual({ ...JSON.parse(first.stdout), runId: '' });
      const compared = await cli(['compare', 'v2', 'v3', '--json', '--out', path.join(dir, 'cmp')], dir);
      expect(compared.code, compared.stderr).toBe(0);
    } finally {
      process.env.L4D2_TEST_KEY = FAKE_KEY;
    }
    for (const args of [['gate', '--baseline', 'v2', '--candidate', 'v3'], ['compare', 'v2', 'v3', '--out', path.join(dir, 'cmp2')]]) {
      const fresh = await cli([...args, '--no-cache'], dir);
      expect(fresh.code, args[0]).toBe(2);
      expect(fresh.stderr).toContain(`cannot reach ${own.baseURL}`);
      expect(fresh.stderr).toContain('nothing was sent');
    }
    expect(own.requests).toHaveLength(n);
  });
});
