// The bad-input matrix: every command given something wrong answers with its documented exit code, one clear message
// naming the thing at fault, no stack trace, and leaves the files it found as they were (no lost or half-written file).
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { execa } from 'execa';
import { parse, stringify } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI, cli, tempProject } from '../helpers/cli.js';
import { answersByPrompt, coreSuite, FAKE_KEY } from '../helpers/live.js';
import { startOpenAIServer, type OpenAIServer } from '../helpers/openai-server.js';
import { queryFile, withFile } from '../helpers/sqlite.js';

const STACK = /^\s+at .+/m;

let base: string;
let server: OpenAIServer;
let closedURL: string;

/** A fresh copy of the base project (config, suites, fixtures, one stored replay run and its results.json). */
function project(): string {
  const dir = tempProject();
  cpSync(path.join(base, '.l4d2-eval'), path.join(dir, '.l4d2-eval'), { recursive: true });
  cpSync(path.join(base, 'done'), path.join(dir, 'done'), { recursive: true });
  return dir;
}

/** Every file under `dir` with its bytes, to compare before and after. */
function snapshot(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const name of readdirSync(dir, { recursive: true }) as string[]) {
    // SQLite's own side files (WAL, shared memory) come and go with connections.
    if (/\.db-(wal|shm)$/.test(name)) continue;
    const file = path.join(dir, name);
    if (statSync(file).isFile()) out.set(name, readFileSync(file).toString('base64'));
  }
  return out;
}

function addLiveModel(dir: string, v3: Record<string, unknown>): void {
  const cfg = path.join(dir, 'l4d2-eval.config.yaml');
  const doc = parse(readFileSync(cfg, 'utf8')) as { models: Record<string, unknown> };
  doc.models.v3 = { provider: 'openai', id: 'ft:gpt-4o-mini-2024-07-18:team:l4d2-v3:abc', baseURL: server.baseURL, apiKey: '${L4D2_TEST_KEY}', ...v3 };
  writeFileSync(cfg, stringify(doc));
}

function setUserVersion(file: string, v: number): void {
  withFile(file, (db) => db.exec(`PRAGMA user_version = ${v}`));
}

function editStore(dir: string, sql: string): void {
  withFile(path.join(dir, '.l4d2-eval/runs.db'), (db) => db.exec(sql));
}

interface Case {
  name: string;
  args: string[];
  /** Files written into the project before the command. */
  files?: Record<string, string>;
  setup?: (dir: string) => void;
  code: number;
  /** What stderr must say (the thing at fault, named). */
  message: RegExp;
  /** Paths (relative) that must not exist afterwards: nothing half-written. */
  absent?: string[];
  /** The command may change files (a run stores its items); otherwise every file must be exactly as before. */
  writes?: boolean;
}

const SUITE_ONE = 'name: one\ncases:\n  - id: a\n    category: c\n    prompt: write a plugin\n';

const cases: Case[] = [
  // the command line
  { name: 'unknown command', args: ['frob'], code: 2, message: /error: unknown command "frob"/ },
  { name: 'unknown flag, with the command named', args: ['run', '--frobnicate'], code: 2, message: /unknown option --frobnicate for "run"/ },
  { name: 'a flag of another command', args: ['score', '--resume', 'x'], code: 2, message: /unknown option --resume for "score"/ },
  { name: 'a missing flag value', args: ['run', '--models'], code: 2, message: /--models/ },
  { name: '--concurrency 0', args: ['run', '--concurrency', '0'], code: 2, message: /--concurrency must be a positive integer, got "0"/, absent: ['reports/latest'] },
  { name: '--allow-errors -1', args: ['run', '--allow-errors', '-1'], code: 2, message: /--allow-errors must be a whole number \(0 or more\), got "-1"/, absent: ['reports/latest'] },
  { name: '--max-cost -1 (a negative cost)', args: ['run', '--max-cost', '-1'], code: 2, message: /--max-cost cannot be negative, got "-1"/, absent: ['reports/latest'] },
  { name: '--max-cost abc', args: ['run', '--max-cost', 'abc'], code: 2, message: /--max-cost must be an amount in dollars, e\.g\. 2\.50, got "abc"/ },
  { name: '--no-cache with --refresh', args: ['run', '--no-cache', '--refresh'], code: 2, message: /--no-cache and --refresh cannot be used together/ },
  { name: 'an unknown report format', args: ['run', '--format', 'pdf'], code: 2, message: /unknown report format "pdf"/, absent: ['reports/latest'] },
  // config and suites
  { name: 'a missing --config', args: ['run', '--config', 'missing.yaml'], code: 2, message: /config file not found: missing\.yaml/ },
  { name: 'a config with an unknown field', args: ['run', '--config', 'bad.yaml'], files: { 'bad.yaml': 'models:\n  v1:\n    provider: replay\n    id: x\n    colour: red\n' }, code: 2, message: /bad\.yaml:5 models\.v1: unknown field "colour"/ },
  { name: 'an unknown model label', args: ['run', '--models', 'nope'], code: 2, message: /unknown model label "nope"/ },
  { name: 'a missing suite file', args: ['run', 'missing.yaml'], code: 2, message: /missing\.yaml: file not found/ },
  { name: 'a suite that is not YAML', args: ['run', 'bad.yaml'], files: { 'bad.yaml': 'name: x\ncases: [\n' }, code: 2, message: /bad\.yaml:3: invalid YAML/ },
  { name: 'an unknown check kind', args: ['validate', 'bad.yaml'], files: { 'bad.yaml': `${SUITE_ONE}    checks:\n      - kind: nosuchkind\n` }, code: 2, message: /bad\.yaml:7 cases\[0\]\.checks\[0\]\.kind: unknown check kind "nosuchkind"/ },
  { name: 'validate of a missing suite', args: ['validate', 'missing.yaml'], code: 2, message: /missing\.yaml: file not found/ },
  // resume and the run store
  { name: '--resume of an unknown run (hint with --config)', args: ['run', '--resume', 'nosuch', '--config', 'l4d2-eval.config.yaml'], code: 2, message: /no run "nosuch" in \.l4d2-eval\/runs\.db\nhint: list runs with `l4d2-eval runs --config l4d2-eval\.config\.yaml`/ },
  { name: '--resume of a finished run without errors', args: ['run', '--resume', 'RUN_ID'], code: 2, message: /run RUN_ID is already finished, with no item in error to ask again/ },
  { name: 'a run store from a newer version', args: ['runs'], setup: (d) => setUserVersion(path.join(d, '.l4d2-eval/runs.db'), 99), code: 2, message: /run store \.l4d2-eval\/runs\.db has schema version 99, newer than this l4d2-eval reads \(1\)/ },
  { name: 'a run store that is not a database', args: ['runs'], setup: (d) => writeFileSync(path.join(d, '.l4d2-eval/runs.db'), 'x'.repeat(4096)), code: 2, message: /run store \.l4d2-eval\/runs\.db is not a readable SQLite database/ },
  { name: 'a run-store row that is not JSON', args: ['report', '--run', 'RUN_ID', '--out', 'again'], setup: (d) => editStore(d, "UPDATE runs SET meta = '{oops'"), code: 2, message: /runs\.db: run RUN_ID is not valid JSON/, absent: ['again'] },
  { name: 'an item row of the wrong shape', args: ['report', '--run', 'RUN_ID', '--out', 'again'], setup: (d) => editStore(d, "UPDATE items SET data = '{\"model\":\"v2\"}' WHERE rowid = 1"), code: 2, message: /runs\.db: item row 1 of run RUN_ID does not have the expected shape \(caseId/, absent: ['again'] },
  { name: 'report of an unknown run id', args: ['report', '--run', 'nosuch'], code: 2, message: /no run "nosuch"/ },
  // preflight: nothing is sent, nothing is stored
  { name: 'a report folder that is a file', args: ['run', '--models', 'v2', '--out', 'blocker/out'], files: { blocker: 'x' }, code: 2, message: /report folder blocker\/out cannot be created: blocker is a file, not a folder; nothing was sent/ },
  { name: 'a live model without its key', args: ['run', '--models', 'v3'], setup: (d) => addLiveModel(d, { apiKey: '${L4D2_TEST_UNSET_KEY}' }), code: 2, message: /L4D2_TEST_UNSET_KEY is not set: export it or set apiKey in the config for model v3; nothing was sent/, absent: ['reports/latest'] },
  { name: 'a base URL nobody answers', args: ['run', '--models', 'v3'], setup: (d) => addLiveModel(d, { baseURL: closedURL }), code: 2, message: /cannot reach http:\/\/127\.0\.0\.1:\d+\/v1 \(127\.0\.0\.1:\d+\): GET \/models: connection refused; nothing was sent/, absent: ['reports/latest'] },
  { name: 'an unpriced model under --max-cost', args: ['run', '--models', 'v3', '--max-cost', '1'], setup: (d) => addLiveModel(d, { id: 'local-model' }), code: 2, message: /--max-cost cannot be enforced: model v3 \(local-model\) has no price/, absent: ['reports/latest'] },
  // score
  { name: 'score of a folder', args: ['score', '.'], code: 2, message: /\.: is a folder: give \.sp plugin files/ },
  { name: 'score of a missing file', args: ['score', 'nonexistent.sp'], code: 2, message: /nonexistent\.sp: file not found/ },
  { name: 'score --case without --suite', args: ['score', '--case', 'x', 'a.sp'], files: { 'a.sp': 'public void OnPluginStart() {}\n' }, code: 2, message: /--case needs --suite FILE/ },
  // report
  { name: 'report without input', args: ['report'], code: 2, message: /no results files given/ },
  { name: 'report of a missing file', args: ['report', 'missing.json'], code: 2, message: /missing\.json: file not found/ },
  { name: 'report of a file that is not JSON', args: ['report', 'x.json'], files: { 'x.json': 'not json' }, code: 2, message: /x\.json: not valid JSON/ },
  { name: 'report of a malformed results.json', args: ['report', 'x.json', '--out', 'again'], files: { 'x.json': '{"schemaVersion":1,"runId":"r","suite":{"name":"s","files":[]},"startedAt":5,"models":[],"cases":[],"items":[]}' }, code: 2, message: /x\.json: not an l4d2-eval results file .*startedAt/, absent: ['again'] },
  { name: 'report --templates of a missing folder', args: ['report', 'done/results.json', '--templates', 'nowhere', '--out', 'again'], code: 2, message: /folder not found: .*nowhere/, absent: ['again'] },
  // check
  { name: 'check without files', args: ['check'], code: 2, message: /no input: give one or more JSONL files/ },
  { name: 'check of a missing file', args: ['check', 'missing.jsonl'], code: 2, message: /cannot read missing\.jsonl: file not found/ },
  { name: 'check of a file that is not fine-tune JSONL', args: ['check', 'junk.jsonl', '--out', 'chk'], files: { 'junk.jsonl': 'hello\nnot json\n{"a":1}\n' }, code: 2, message: /3 of 3 lines of junk\.jsonl are not fine-tune records .*: this does not look like fine-tune JSONL/, writes: true },
  { name: 'check --min-score 11', args: ['check', '--min-score', '11', 'x.jsonl'], code: 2, message: /--min-score must be a number from 0 to 10, got "11"/ },
  { name: 'check --seed without --sample', args: ['check', '--seed', '3', 'x.jsonl'], code: 2, message: /--seed only applies with --sample N/ },
  // gate, compare
  { name: 'gate without models', args: ['gate'], code: 2, message: /gate needs --baseline LABEL and --candidate LABEL/ },
  { name: 'gate with one model twice', args: ['gate', '--baseline', 'v1', '--candidate', 'v1'], code: 2, message: /--baseline and --candidate are both "v1"/ },
  { name: 'gate --min-score 95%', args: ['gate', '--baseline', 'v1', '--candidate', 'v2', '--min-score', '95%'], code: 2, message: /--min-score must be a score between 0 and 10 \(not a percentage/ },
  { name: 'gate --min-pass-rate 2', args: ['gate', '--baseline', 'v1', '--candidate', 'v2', '--min-pass-rate', '2'], code: 2, message: /--min-pass-rate must be a rate between 0 and 1/ },
  { name: 'gate running the suite with a live model without its key', args: ['gate', '--baseline', 'v2', '--candidate', 'v3'], setup: (d) => addLiveModel(d, { apiKey: '${L4D2_TEST_UNSET_KEY}' }), code: 2, message: /L4D2_TEST_UNSET_KEY is not set: export it or set apiKey in the config for model v3; nothing was sent/ },
  { name: 'compare running the suite against a base URL nobody answers', args: ['compare', 'v2', 'v3'], setup: (d) => addLiveModel(d, { baseURL: closedURL }), code: 2, message: /cannot reach http:\/\/127\.0\.0\.1:\d+\/v1 .*nothing was sent/ },
  { name: 'compare of a missing results file', args: ['compare', 'nothing.json'], code: 2, message: /nothing\.json: file not found/ },
  // estimate, index, batch
  { name: 'estimate --output-tokens 0', args: ['estimate', '--output-tokens', '0'], code: 2, message: /--output-tokens must be a positive integer, got "0"/ },
  { name: 'index without folders', args: ['index'], code: 2, message: /index needs at least one include folder/ },
  { name: 'index of a missing folder', args: ['index', 'nowhere'], code: 2, message: /not a folder: .*nowhere/ },
  { name: 'an unknown batch sub-command', args: ['batch', 'frob'], code: 2, message: /unknown batch command "frob"/ },
  { name: 'batch status without batch runs', args: ['batch', 'status'], code: 2, message: /no batch run in \.l4d2-eval\/runs\.db/ },
];

beforeAll(async () => {
  process.env.L4D2_TEST_KEY = FAKE_KEY;
  const suite = await coreSuite();
  server = await startOpenAIServer({ answers: answersByPrompt(suite) });
  const closed = await startOpenAIServer();
  closedURL = closed.baseURL;
  await closed.close();
  base = tempProject();
  const r = await cli(['run', '--models', 'v2', '--out', 'done', '--format', 'json', '--quiet'], base);
  expect(r.code, r.stderr).toBe(0);
});
afterAll(() => server.close());

describe('bad input: exit code, a message naming the fault, no stack trace, no file lost or half-written', () => {
  it(`has at least 40 cases (${cases.length})`, () => {
    expect(cases.length).toBeGreaterThanOrEqual(40);
  });

  it.each(cases.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    const dir = project();
    const runId = (JSON.parse(readFileSync(path.join(dir, 'done/results.json'), 'utf8')) as { runId: string }).runId;
    for (const [rel, text] of Object.entries(c.files ?? {})) {
      mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
      writeFileSync(path.join(dir, rel), text);
    }
    c.setup?.(dir);
    const before = snapshot(dir);
    const requests = server.requests.length;
    const r = await cli(c.args.map((a) => a.replace('RUN_ID', runId)), dir);
    expect(r.code, r.stderr).toBe(c.code);
    expect(r.stderr).toMatch(new RegExp(c.message.source.replace('RUN_ID', runId)));
    expect(r.stderr).not.toMatch(STACK);
    expect(r.stdout).not.toMatch(STACK);
    expect(server.requests.length).toBe(requests);
    for (const rel of c.absent ?? []) expect(existsSync(path.join(dir, rel)), rel).toBe(false);
    if (!c.writes) {
      // Files may be added (an empty store file, say), but none found before is changed or lost.
      const after = snapshot(dir);
      for (const [rel, bytes] of before) {
        expect(after.get(rel), rel).toBe(bytes);
      }
    }
  });
});

describe('chaos: SIGKILL during batch collect', () => {
  it('resumes with no item lost or duplicated', async () => {
    const dir = project();
    addLiveModel(dir, {});
    const sent = await cli(['run', '--batch', '--models', 'v3', '--json'], dir);
    expect(sent.code, sent.stderr).toBe(0);
    const { runId } = JSON.parse(sent.stdout) as { runId: string };
    const total = (await coreSuite()).cases.length;
    // Collect in a real process and kill it as soon as it has stored some items.
    server.options.latencyMs = 0;
    const stored = () => {
      try {
        return queryFile<{ c: number }>(path.join(dir, '.l4d2-eval/runs.db'), 'SELECT COUNT(*) AS c FROM items WHERE run_id = ?', runId)[0]?.c ?? 0;
      } catch {
        return 0;
      }
    };
    const child = execa(process.execPath, [CLI, 'batch', 'collect', runId, '--quiet', '--out', 'out'], { cwd: dir, reject: false, env: { NO_COLOR: '1', CI: '1', L4D2_TEST_KEY: FAKE_KEY } });
    while (stored() === 0 && child.exitCode === null) await new Promise((r) => setTimeout(r, 5));
    child.kill('SIGKILL');
    const killed = await child;
    // Killed part-way, or (on a fast machine) it had already finished: either way the second collect must complete it.
    expect(killed.signal === 'SIGKILL' || killed.exitCode === 0, String(killed.stderr)).toBe(true);
    const again = await cli(['batch', 'collect', runId, '--out', 'out', '--json'], dir);
    expect(again.code, again.stderr).toBe(0);
    const rows = queryFile<{ c: number }>(path.join(dir, '.l4d2-eval/runs.db'), 'SELECT case_id, sample, COUNT(*) AS c FROM items WHERE run_id = ? GROUP BY case_id, sample', runId);
    expect(rows).toHaveLength(total);
    expect(rows.every((r) => r.c === 1)).toBe(true);
    const results = JSON.parse(readFileSync(path.join(dir, 'out/results.json'), 'utf8')) as { items: { caseId: string; status: string }[] };
    expect(results.items).toHaveLength(total);
    expect(new Set(results.items.map((i) => i.caseId)).size).toBe(total);
    expect(results.items.filter((i) => i.status === 'error')).toEqual([]);
  });
});

describe('a corrupt cache file', () => {
  it('is moved aside and rebuilt with a warning; the run store and its runs are untouched', async () => {
    const dir = project();
    addLiveModel(dir, {});
    const first = await cli(['run', '--models', 'v3', '--quiet', '--format', 'json', '--out', 'a'], dir);
    expect(first.code, first.stderr).toBe(0);
    const runsBefore = JSON.parse((await cli(['runs', '--json'], dir)).stdout) as unknown[];
    writeFileSync(path.join(dir, '.l4d2-eval/cache.db'), 'this is not a database '.repeat(200));
    const r = await cli(['run', '--models', 'v3', '--quiet', '--format', 'json', '--out', 'b'], dir);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/warning: response cache .*cache\.db was not a readable SQLite database; moved to .*cache\.db\.corrupt-\S+ and started a new cache/);
    expect(r.stderr).not.toMatch(STACK);
    const runsAfter = JSON.parse((await cli(['runs', '--json'], dir)).stdout) as unknown[];
    expect(runsAfter).toHaveLength(runsBefore.length + 1);
    expect(runsAfter.slice(1)).toEqual(runsBefore);
    expect(readdirSync(path.join(dir, '.l4d2-eval')).some((f) => f.startsWith('cache.db.corrupt-'))).toBe(true);
  });
});
