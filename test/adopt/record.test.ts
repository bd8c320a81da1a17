// `record` exports the answers a live model gave in a stored run; replaying them gives the same scores. `doctor`
// tells recorded answers from sample answers and never prints a key.
import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli, ROOT } from '../helpers/cli.js';
import { FAKE_KEY, filesContaining } from '../helpers/live.js';
import { startOpenAIServer, type OpenAIServer } from '../helpers/openai-server.js';
import { loadSuites } from '../../src/suite/multi.js';
import { createFakeSpcomp } from '../compile/fake-spcomp.js';

let server: OpenAIServer;
let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'l4d2-eval-record-'));
  expect((await cli(['init', '--yes'], dir)).code).toBe(0);
  const { suite } = await loadSuites([path.join(dir, 'suites/starter.yaml')]);
  // The server answers each prompt with the starter's baseline answer (flawed on purpose, so scores vary).
  const answers = new Map(suite.cases.map((c) => [c.prompt, readFileSync(path.join(ROOT, 'fixtures/starter/fixtures/responses/baseline', `${c.id}.md`), 'utf8')]));
  server = await startOpenAIServer({ answers });
  process.env.L4D2_TEST_KEY = FAKE_KEY;
  writeFileSync(path.join(dir, 'l4d2-eval.config.yaml'), [
    'suite: suites/starter.yaml',
    'models:',
    '  live:',
    '    provider: openai',
    '    id: ft:gpt-4o-mini-2024-07-18:acme:l4d2:rec1',
    `    baseURL: ${server.baseURL}`,
    '    apiKey: ${L4D2_TEST_KEY}',
    '    params: { temperature: 0.2 }',
    '  replayed:',
    '    provider: replay',
    '    id: ft:gpt-4o-mini-2024-07-18:acme:l4d2:rec1',
    '    dir: recorded/live',
    '',
  ].join('\n'));
});
afterAll(() => {
  server?.close();
  delete process.env.L4D2_TEST_KEY;
});

describe('record', () => {
  it('exports a live run as replay files with a manifest; replaying them gives the same scores', async () => {
    const live = await cli(['run', '--models', 'live', '--json', '--out', 'live-report', '--format', 'json'], dir);
    expect(live.code).toBe(0);
    const runId = (JSON.parse(live.stdout) as { runId: string }).runId;

    const rec = await cli(['record', '--run', runId, '--model', 'live', '--out', 'recorded/live'], dir);
    expect(rec.stderr).toBe('');
    expect(rec.code).toBe(0);
    expect(rec.stdout).toContain(`Recorded 4 answers of live (ft:gpt-4o-mini-2024-07-18:acme:l4d2:rec1) from run ${runId} into recorded/live/ with manifest.json`);
    const files = readdirSync(path.join(dir, 'recorded/live')).sort();
    expect(files).toEqual(['manifest.json', 'si-tank-spawn-announce.md', 'si-witch-startle-announce.md', 'surv-heal-announce.md', 'surv-pills-bonus.md']);
    const manifest = JSON.parse(readFileSync(path.join(dir, 'recorded/live/manifest.json'), 'utf8'));
    expect(manifest).toMatchObject({ kind: 'l4d2-eval recording', runId, suite: 'starter', answers: 4, missing: [], model: { label: 'live', id: 'ft:gpt-4o-mini-2024-07-18:acme:l4d2:rec1', provider: 'openai', params: { temperature: 0.2 } } });
    expect(manifest.runStartedAt).toMatch(/^\d{4}-\d\d-\d\dT/);

    const replay = await cli(['run', '--models', 'replayed', '--out', 'replay-report', '--format', 'json', '-q'], dir);
    expect(replay.code).toBe(0);
    const scores = (f: string) => (JSON.parse(readFileSync(path.join(dir, f), 'utf8')) as { items: { caseId: string; sample: number; score: number; status: string; answer: string }[] }).items.map((i) => [i.caseId, i.sample, i.score, i.status, i.answer]);
    expect(scores('replay-report/results.json')).toEqual(scores('live-report/results.json'));
    expect(new Set(scores('live-report/results.json').map((s) => s[2])).size).toBeGreaterThan(1);
    // Recorded answers are not labelled as samples; a live model has no such label at all.
    expect((JSON.parse(readFileSync(path.join(dir, 'replay-report/results.json'), 'utf8')) as { models: { answers?: string }[] }).models[0]!.answers).toBe('recorded');
    expect((JSON.parse(readFileSync(path.join(dir, 'live-report/results.json'), 'utf8')) as { models: { answers?: string }[] }).models[0]!.answers).toBeUndefined();
    expect(filesContaining(dir, FAKE_KEY)).toEqual([]);
  });

  it('says what is wrong: an unknown run, a model not in the run, missing flags', async () => {
    const unknown = await cli(['record', '--run', 'nope', '--model', 'live', '--out', 'x'], dir);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('error: no run "nope" in the run store');
    const runs = JSON.parse((await cli(['runs', '--json'], dir)).stdout) as { runId: string }[];
    const other = await cli(['record', '--run', runs[0]!.runId, '--model', 'v9', '--out', 'x'], dir);
    expect(other.stderr).toMatch(/error: run \S+ has no model "v9"/);
    // A replay run has no model answer to export: recording it would relabel answer files as a model's.
    const rep = await cli(['run', '--models', 'replayed', '--json', '--format', 'json', '--out', 'rep'], dir);
    const repId = (JSON.parse(rep.stdout) as { runId: string }).runId;
    const refused = await cli(['record', '--run', repId, '--model', 'replayed', '--out', 'x'], dir);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain(`error: model "replayed" of run ${repId} replays answer files (provider replay): there is no model answer to record`);
    const flags = await cli(['record', '--run', runs[0]!.runId], dir);
    expect(flags.code).toBe(2);
    expect(flags.stderr).toContain('record needs --run RUN_ID, --model LABEL and --out DIR');
    expect(existsSync(path.join(dir, 'x'))).toBe(false);
  });
});

describe('doctor', () => {
  it('tells recorded from sample answers, says whether keys are set and never prints them', async () => {
    const r = await cli(['doctor'], dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^ok {4}model live +openai ft:gpt-4o-mini-2024-07-18:acme:l4d2:rec1 at http:\/\/127\.0\.0\.1:\d+\/v1; L4D2_TEST_KEY is set$/m);
    expect(r.stdout).toMatch(/^ok {4}model replayed +replay from recorded\/live\/: 4 answer files, recorded answers of ft:gpt-4o-mini-2024-07-18:acme:l4d2:rec1 from run \S+ \(\d{4}-\d\d-\d\d\)$/m);
    expect(r.stdout).toMatch(/^ok {4}API index +\d+ symbols, sourcemod 1\.12/m);
    expect(r.stdout).toMatch(/^ok {4}node +v\d+/m);
    expect(r.stdout).not.toContain(FAKE_KEY);
    const json = await cli(['doctor', '--json'], dir);
    expect((JSON.parse(json.stdout) as { topic: string }[]).map((l) => l.topic)).toEqual(['l4d2-eval', 'node', 'config', 'spcomp', 'includes', 'API index', 'model live', 'model replayed', 'cache', 'run store']);
    delete process.env.L4D2_TEST_KEY;
    try {
      const nokey = await cli(['doctor'], dir);
      expect(nokey.code).toBe(0);
      expect(nokey.stdout).toMatch(/^warn {2}model live .*L4D2_TEST_KEY is NOT set$/m);
    } finally {
      process.env.L4D2_TEST_KEY = FAKE_KEY;
    }
  });

  it('shows spcomp with its version and where it was found; a wrong SPCOMP fails', async () => {
    const fake = createFakeSpcomp();
    const before = process.env.SPCOMP;
    process.env.SPCOMP = fake.bin;
    try {
      const found = await cli(['doctor'], dir);
      expect(found.code).toBe(0);
      expect(found.stdout).toMatch(new RegExp(`^ok {4}spcomp +${fake.bin.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} \\(version 1\\.12\\), found through the SPCOMP variable$`, 'm'));
      process.env.SPCOMP = path.join(dir, 'no-such-spcomp');
      const r = await cli(['doctor'], dir);
      expect(r.code).toBe(2);
      expect(r.stdout).toMatch(/^FAIL {2}spcomp +not usable\n +spcomp not found: SPCOMP is .*no-such-spcomp, which is not an executable file$/m);
    } finally {
      if (before === undefined) delete process.env.SPCOMP;
      else process.env.SPCOMP = before;
    }
  });

  it('without a config says how to make one', async () => {
    const empty = mkdtempSync(path.join(tmpdir(), 'l4d2-eval-doctor-'));
    const r = await cli(['doctor'], empty);
    expect(r.code).toBe(2);
    expect(r.stdout).toMatch(/^FAIL {2}config +none \(l4d2-eval\.config\.yaml not found here\)\n +run `l4d2-eval init` to create one/m);
  });
});
