// Failures are loud and clean: documented exit codes, one line naming what failed and the fix, no stack trace,
// and the run id printed when answers are stored but reports could not be written.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parse, stringify } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI, cli, ROOT, tempProject } from '../helpers/cli.js';
import { coreServer, FAKE_KEY } from '../helpers/live.js';
import { startOpenAIServer, type Fault, type OpenAIServer } from '../helpers/openai-server.js';
import { withFile } from '../helpers/sqlite.js';
import { tempTree } from '../helpers/tmp.js';

const STACK = /\n\s+at .+:\d+/;
const plugin = path.join(ROOT, 'test/fixtures/plugins/l4d2_tank_health.sp');

describe('failures at the boundaries', () => {
  it('score of a folder says it is a folder (exit 2)', async () => {
    const r = await cli(['score', '.'], tempTree({}));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('error: .: is a folder: give .sp plugin files or answer .md files');
    expect(r.stderr).not.toMatch(STACK);
  });

  it('a closed pipe ends quietly (`score --json | head -1`)', async () => {
    const child = spawn(process.execPath, [CLI, 'score', '--json', plugin, plugin, plugin, plugin], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    // Read the first line, then close our end as `head -1` does.
    await new Promise<void>((resolve) => child.stdout.once('data', () => resolve()));
    child.stdout.destroy();
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(stderr).not.toContain('EPIPE');
    expect(stderr).not.toMatch(STACK);
    expect([0, 1]).toContain(code);
  });

  it('keeps the run when reports cannot be written, and prints how to render them (exit 2)', async () => {
    const d = tempProject();
    // A template that does not compile fails only when the reports are written, after every answer is stored.
    mkdirSync(path.join(d, 'broken'));
    writeFileSync(path.join(d, 'broken/report.md.hbs'), '{{#if summary}} never closed');
    const r = await cli(['run', '--models', 'v2', '--templates', 'broken', '--out', 'reports', '--quiet'], d);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/error: run (\S+) finished and is stored, but its reports could not be written to .*reports/);
    expect(r.stderr).toMatch(/hint: fix the cause \(the folder, or --templates\), then: l4d2-eval report --run \S+ --out DIR/);
    expect(r.stderr).not.toMatch(STACK);
    const runId = /run (\S+) finished/.exec(r.stderr)![1]!;
    const again = await cli(['report', '--run', runId, '--out', 'out', '--format', 'md'], d);
    expect(again.code).toBe(0);
  });

  it('refuses a report folder that cannot be made before anything runs', async () => {
    const d = tempProject();
    writeFileSync(path.join(d, 'blocker'), 'a file where a folder should be');
    const r = await cli(['run', '--models', 'v2', '--out', 'blocker/reports', '--quiet'], d);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('error: report folder blocker/reports cannot be created: blocker is a file, not a folder; nothing was sent');
    expect(existsSync(path.join(d, '.l4d2-eval/runs.db')) ? JSON.parse((await cli(['runs', '--json'], d)).stdout) : []).toEqual([]);
  });

  it('rejects a negative --allow-errors with the flag named', async () => {
    const r = await cli(['run', '--allow-errors=-1'], tempProject());
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--allow-errors must be a whole number/);
  });
});

describe('preflight, visible errors and retrying what failed (live server)', () => {
  let server: OpenAIServer;
  let n: number;
  beforeAll(async () => {
    ({ server, n } = await coreServer());
  });
  afterAll(() => server.close());

  function project(v3: Record<string, unknown> = {}): string {
    const dir = tempProject();
    const cfg = path.join(dir, 'l4d2-eval.config.yaml');
    const doc = parse(readFileSync(cfg, 'utf8')) as { models: Record<string, unknown> };
    doc.models.v3 = { provider: 'openai', id: 'ft:gpt-4o-mini-2024-07-18:team:l4d2-v3:abc', baseURL: server.baseURL, apiKey: '${L4D2_TEST_KEY}', ...v3 };
    writeFileSync(cfg, stringify(doc));
    return dir;
  }

  it('refuses a base URL nobody answers on, naming the URL, before any request', async () => {
    const closed = await startOpenAIServer();
    const url = closed.baseURL;
    await closed.close();
    const dir = project({ baseURL: url });
    const r = await cli(['run', '--models', 'v3', '--quiet'], dir);
    expect(r.code).toBe(2);
    const port = new URL(url).port;
    expect(r.stderr).toContain(`error: cannot reach ${url} (127.0.0.1:${port}): GET /models: connection refused; nothing was sent`);
    expect(r.stderr).toContain('hint: start the server, or fix the baseURL of model v3 in l4d2-eval.config.yaml');
    expect(r.stderr).not.toMatch(STACK);
  });

  it('refuses a key the server rejects (401 on GET /models), with the server\'s own text', async () => {
    const refusing = createServer((_req, res) => {
      res.writeHead(401, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: { message: 'Incorrect API key provided' } }));
    });
    await new Promise<void>((resolve) => refusing.listen(0, '127.0.0.1', resolve));
    const { port } = refusing.address() as AddressInfo;
    try {
      const r = await cli(['run', '--models', 'v3', '--quiet'], project({ baseURL: `http://127.0.0.1:${port}/v1` }));
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(`error: http://127.0.0.1:${port}/v1 (127.0.0.1:${port}) rejected the API key of model v3 (HTTP 401: Incorrect API key provided); nothing was sent`);
      expect(r.stderr).not.toContain(FAKE_KEY);
    } finally {
      refusing.close();
    }
  });

  it('under --max-cost an unpriced model is refused unless --allow-unpriced; estimate says unknown, not $0', async () => {
    const dir = project({ id: 'my-local-model' });
    const before = server.requests.length;
    const r = await cli(['run', '--models', 'v3', '--max-cost', '0', '--quiet'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('error: --max-cost cannot be enforced: model v3 (my-local-model) has no price; nothing was sent');
    expect(r.stderr).toContain('--allow-unpriced');
    expect(server.requests.length).toBe(before);
    const allowed = await cli(['run', '--models', 'v3', '--max-cost', '0', '--allow-unpriced', '--quiet', '--format', 'json'], dir);
    expect(allowed.code).toBe(0);
    expect(server.requests.length - before).toBe(n);
    const est = await cli(['estimate', '--models', 'v3'], dir);
    expect(est.stdout).toMatch(/│ v3 +│ \d+ +│ \d+ +│ \d+ +│ unknown │ unknown │/);
    expect(est.stdout).toContain('Total: unknown: v3 has no price');
    expect(est.stdout).not.toContain('$0.0000 direct');
    expect(JSON.parse((await cli(['estimate', '--models', 'v3', '--json'], dir)).stdout).total).toEqual({ direct: null, batch: null });
  });

  it('shows retries as they happen, and errors grouped by cause with status, server text and host:port; resume asks them again', async () => {
    const dir = project();
    const host = `127.0.0.1:${new URL(server.baseURL).port}`;
    // One 429 (Retry-After 0) is retried and seen in the progress line; then every request is a 404 (permanent).
    server.options.retryAfter = '0';
    server.options.faults = ['429', ...Array<Fault>(n + 5).fill('404')];
    const r = await cli(['run', '--models', 'v2,v3', '--out', 'out'], dir);
    server.options.faults = [];
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/^progress: 0\/\d+ /); // the first line at once
    expect(r.stderr).toMatch(/progress: .* 1 retry \(v3: HTTP 429 rate_limit, retry 2\/6 in 0\.0s \(Retry-After\)\)/);
    expect(r.stderr).toContain(`${n} items could not be judged (allowed: 0):`);
    expect(r.stderr).toContain(`  v3: ${n} × provider: not_found (HTTP 404): model v3: model "ft:gpt-4o-mini-2024-07-18:team:l4d2-v3:abc" not found (404): check its id in the config and that this key can use it; server said: "The model ft:gpt-4o-mini-2024-07-18:team:l4d2-v3:abc does not exist" [${host}]`);
    const runId = /Run (\S+):/.exec(r.stdout)![1]!;
    expect(r.stderr).toContain(`Fix the cause, then ask them again with: l4d2-eval run --resume ${runId}\n`);
    const md = readFileSync(path.join(dir, 'out/report.md'), 'utf8');
    expect(md).toContain('## Items that could not be judged');
    expect(md).toContain(`| v3 | ${n} | provider: not_found (HTTP 404) |`);
    expect(md).toContain(`| The model ft:gpt-4o-mini-2024-07-18:team:l4d2-v3:abc does not exist | \`${host}\` |`);
    expect(md).not.toContain(FAKE_KEY);

    // The run is finished, but its errored items can be asked again; progress counts on from the stored ones.
    const before = server.requests.length;
    const again = await cli(['run', '--resume', runId, '--out', 'out2'], dir);
    expect(again.code).toBe(0);
    expect(again.stderr).toMatch(new RegExp(`^progress: 0/${2 * n} [^\\n]*\\nprogress: ${n}/${2 * n} `));
    expect(again.stderr).toMatch(new RegExp(`progress: ${2 * n}/${2 * n} `));
    expect(server.requests.length - before).toBe(n);
    expect(readFileSync(path.join(dir, 'out2/report.md'), 'utf8')).not.toContain('could not be judged');
    const done = await cli(['run', '--resume', runId, '--config', 'l4d2-eval.config.yaml'], dir);
    expect(done.code).toBe(2);
    expect(done.stderr).toContain(`error: run ${runId} is already finished, with no item in error to ask again\nhint: render it with \`l4d2-eval report --run ${runId} --config l4d2-eval.config.yaml\``);
  });
});

describe('help and defaults that tell the truth', () => {
  it("each command's help shows its own flag descriptions and defaults, never another command's", async () => {
    const { commands } = (await import(pathToFileURL(path.join(ROOT, 'dist/src/cli/flags.js')).href)) as { commands: Record<string, unknown> };
    const names = Object.keys(commands);
    for (const name of names) {
      const r = await cli([name, '--help'], ROOT);
      expect(r.code).toBe(0);
      const options = r.stdout.split('Options:\n')[1]!.split('\n\nExit codes')[0]!;
      for (const line of options.split('\n')) {
        const text = line.slice(29);
        // "other: ..." or "other, third: ..." at the start of a description, or "; other: ..." inside it
        const leaked = names.filter((o) => o !== name && new RegExp(`(^|; |, )${o}( --[a-z-]+)?(:|, [a-z])`).test(text));
        expect(leaked, `${name}: ${line}`).toEqual([]);
      }
    }
    const index = await cli(['index', '--help'], ROOT);
    expect(index.stdout).toMatch(/--out FILE +Write the API index JSON to FILE \(default: standard output\)/);
    const check = await cli(['check', '--help'], ROOT);
    expect(check.stdout).toMatch(/--out DIR +Folder for accepted\.jsonl, rejected\.jsonl and the report \(default reports\/check\)/);
    expect(check.stdout).toMatch(/--min-score N +Minimum evaluator score \(0-10\) to accept an example \(default 7\)\n/);
    const compare = await cli(['compare', '--help'], ROOT);
    expect(compare.stdout).not.toContain('default reports/latest');
    expect(compare.stdout).toContain('130 interrupted');
  });

  it('validate works on a standalone suite without a config, and a suite naming no checks gets the standard ones', async () => {
    const d = tempTree({ 'my-suite.yaml': 'name: mine\ncases:\n  - id: a\n    category: c\n    prompt: write a plugin\n' });
    const r = await cli(['validate', 'my-suite.yaml', '--json'], d);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ ok: true, cases: 1, checks: 4, models: [] });
    const text = await cli(['validate', 'my-suite.yaml'], d);
    expect(text.stdout).toBe('ok: mine: 1 cases, 4 checks in 1 files; no config here, so model labels were not checked\n');
    const { loadSuites } = await import('../../src/suite/multi.js');
    const { suite } = await loadSuites([path.join(d, 'my-suite.yaml')]);
    expect(suite.cases[0]!.checks.map((c) => c.kind)).toEqual(['syntax', 'rule', 'api', 'compiles']);
  });
});

describe('SQLite files carry a schema version', () => {
  it('a new store is at the latest version; a store from before versions opens with its rows kept', async () => {
    const { RunStore, RUN_STORE_MIGRATIONS } = await import('../../src/run/store.js');
    const d = tempTree({});
    const fresh = new RunStore(path.join(d, 'new.db'));
    fresh.close();
    expect(withFile(path.join(d, 'new.db'), (db) => db.pragma('user_version'))).toBe(RUN_STORE_MIGRATIONS.at(-1)!.version);
    // A file made the old way: the tables, version 0.
    withFile(path.join(d, 'old.db'), (old) => {
      old.exec(RUN_STORE_MIGRATIONS[0]!.sql);
      old.prepare("INSERT INTO runs (id, started_at, status, suite, meta) VALUES ('r1', '2026-01-01T00:00:00Z', 'finished', 's', ?)").run(
        JSON.stringify({ runId: 'r1', startedAt: '2026-01-01T00:00:00Z', suite: { name: 's', files: [] }, cases: [], models: [] }),
      );
    });
    const store = new RunStore(path.join(d, 'old.db'));
    expect(store.list().map((r) => r.runId)).toEqual(['r1']);
    store.close();
  });
});
