// The fine-tune loop end to end against the loopback OpenAI server: augment → check → finetune → run → gate,
// with real SQLite stores, the real evaluators and (for `finetune status`) a real second process.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadPrompts } from '../../src/flywheel/prompts.js';
import { cli, cliProcess, ROOT } from '../helpers/cli.js';
import { FAKE_KEY, filesContaining } from '../helpers/live.js';
import { FIXED_PLUGIN, startOpenAIServer, type OpenAIServer } from '../helpers/openai-server.js';
import { tempTree } from '../helpers/tmp.js';

const KEY_VAR = 'L4D2_FLYWHEEL_KEY';
const PROMPTS = 34;
let server: OpenAIServer;
/** Recorded answers of the v2 fixtures: real plugins of mixed quality, each different. */
const recorded = readdirSync(path.join(ROOT, 'fixtures/responses/v2'))
  .filter((f) => f.endsWith('.md'))
  .sort()
  .map((f) => readFileSync(path.join(ROOT, 'fixtures/responses/v2', f), 'utf8'));
const prompts = loadPrompts(path.join(ROOT, 'suites/prompts/augment.yaml')).prompts.slice(0, PROMPTS);

const CONFIG = (baseURL: string) => `# Flywheel test project: this comment and the layout below must survive a label being added.
suite: suite.yaml
models:
  v2:
    provider: openai   # the production fine-tune
    id: ft:gpt-4o-mini-2024-07-18:team:l4d2-v2:abc
    baseURL: ${baseURL}
    apiKey: \${${KEY_VAR}}
    pricing: { input: 0.30, output: 1.20, batch_input: 0.15, batch_output: 0.60 }

# Loose thresholds: the gate must run on the new label, not judge the fake answers.
gate:
  min_avg_score: 0
`;

const SUITE = `name: flywheel-mini
defaults:
  checks:
    - { kind: syntax, required: true }
    - { kind: rule }
cases:
  - { id: mini-1, category: misc/one, prompt: "Flywheel suite prompt one: print hello on plugin start." }
  - { id: mini-2, category: misc/two, prompt: "Flywheel suite prompt two: print hello on round start." }
`;

function project(): string {
  const promptFile = prompts.map((p) => ({ category: p.category, prompt: p.prompt }));
  return tempTree({
    'l4d2-eval.config.yaml': CONFIG(server.baseURL),
    'suite.yaml': SUITE,
    'prompts.json': JSON.stringify(promptFile, null, 2),
    // The existing training data: one of the answers the model will give again.
    'train-v2.jsonl': JSON.stringify({ messages: [{ role: 'system', content: 's' }, { role: 'user', content: 'old prompt' }, { role: 'assistant', content: recorded[5] }] }) + '\n',
  });
}

const lines = (file: string) => readFileSync(file, 'utf8').split('\n').filter((l) => l.trim() !== '');

beforeAll(async () => {
  process.env[KEY_VAR] = FAKE_KEY;
  const answers = new Map<string, string>();
  prompts.forEach((p, i) => answers.set(p.prompt, recorded[i % recorded.length]!));
  // Two answers repeat earlier ones (one with other comments and layout), one holds no code at all.
  answers.set(prompts[30]!.prompt, recorded[0]!);
  answers.set(prompts[31]!.prompt, recorded[1]!.replace(/\n/g, '\n\n').replace(/^/, '// reformatted\n'));
  answers.set(prompts[32]!.prompt, 'I am sorry, I cannot write that plugin.');
  server = await startOpenAIServer({ answers, defaultAnswer: FIXED_PLUGIN, fineTunePolls: 2 });
});
afterAll(() => server.close());

describe('augment → check → finetune → run → gate', () => {
  let dir: string;
  let accepted: string[];

  it('augment: judges every answer like check, rejects duplicates (within and --against) with reasons', async () => {
    dir = project();
    const before = server.requests.length;
    const r = await cli(['augment', 'prompts.json', '--model', 'v2', '--out', 'aug', '--against', 'train-v2.jsonl', '--json'], dir);
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout) as { runId: string; accepted: number; rejected: number; acceptedFile: string; costUsd: number };
    expect(server.requests.length - before).toBe(PROMPTS);
    expect(out.accepted + out.rejected).toBe(PROMPTS);
    expect(out.accepted).toBeGreaterThanOrEqual(10);
    expect(out.rejected).toBeGreaterThanOrEqual(4);
    expect(out.costUsd).toBeGreaterThan(0);
    expect(out.acceptedFile).toBe(path.join(dir, 'aug', 'accepted.jsonl'));
    accepted = lines(out.acceptedFile);
    expect(accepted).toHaveLength(out.accepted);
    for (const l of accepted) {
      const ex = JSON.parse(l) as { messages: { role: string; content: string }[] };
      expect(ex.messages.map((m) => m.role)).toEqual(['system', 'user', 'assistant']);
      expect(prompts.some((p) => p.prompt === ex.messages[1]!.content)).toBe(true);
    }
    const rejected = lines(path.join(dir, 'aug', 'rejected.jsonl')).map((l) => JSON.parse(l) as { messages: { content: string }[]; _reasons: { code: string; message: string }[] });
    expect(rejected).toHaveLength(out.rejected);
    const reasonOf = (i: number) => rejected.find((x) => x.messages[1]!.content === prompts[i]!.prompt)?._reasons.map((z) => z.code);
    expect(reasonOf(30)).toContain('duplicate');
    expect(reasonOf(31)).toContain('duplicate');
    expect(reasonOf(32)).toContain('no-code');
    const against = rejected.find((x) => x.messages[1]!.content === prompts[5]!.prompt)!._reasons;
    expect(against.map((z) => z.message).join(' ')).toContain('train-v2.jsonl:1');
    expect(readFileSync(path.join(dir, 'aug', 'report.md'), 'utf8')).toContain('accepted');
  });

  it('check accepts every line augment accepted', async () => {
    const r = await cli(['check', 'aug/accepted.jsonl', '--out', 'recheck', '--json'], dir);
    expect(r.code, r.stderr).toBe(0);
    const s = JSON.parse(r.stdout) as { checked: number; accepted: number; rejected: number };
    expect(s).toMatchObject({ checked: accepted.length, accepted: accepted.length, rejected: 0 });
  });

  it('augment again: the finished run is not paid twice (answers from the cache)', async () => {
    const before = server.requests.length;
    const r = await cli(['augment', 'prompts.json', '--model', 'v2', '--out', 'aug', '--against', 'train-v2.jsonl', '--json'], dir);
    expect(r.code, r.stderr).toBe(0);
    expect(server.requests.length).toBe(before);
    expect(lines(path.join(dir, 'aug', 'accepted.jsonl'))).toEqual(accepted);
  });

  it('finetune --wait: one job from the checked file, label v3 written with comments kept, no key anywhere', async () => {
    const jobs0 = server.fineTuneJobs.length;
    const r = await cli(['finetune', 'aug/accepted.jsonl', '--from', 'v2', '--suffix', 'l4d2-v3', '--as', 'v3', '--wait', '--poll', '0.01', '--json'], dir);
    expect(r.code, r.stderr).toBe(0);
    expect(server.fineTuneJobs.length - jobs0).toBe(1);
    const job = server.fineTuneJobs.at(-1)!;
    expect(job).toMatchObject({ model: 'ft:gpt-4o-mini-2024-07-18:team:l4d2-v2:abc', suffix: 'l4d2-v3', status: 'succeeded' });
    expect(job.authorization).toBe(`Bearer ${FAKE_KEY}`);
    expect(server.uploadedFile(job.trainingFile)).toMatchObject({ purpose: 'fine-tune', content: accepted.join('\n') + '\n' });
    const out = JSON.parse(r.stdout) as { jobId: string; status: string; fineTunedModel: string; label: string };
    expect(out).toEqual({ jobId: job.id, status: 'succeeded', fineTunedModel: job.fineTunedModel, label: 'v3' });
    const text = readFileSync(path.join(dir, 'l4d2-eval.config.yaml'), 'utf8');
    // Only the new entry was added: every other byte (comments, spacing) is the file as it was.
    const original = CONFIG(server.baseURL);
    const at = text.indexOf('  v3:\n');
    expect(at).toBeGreaterThan(0);
    expect(text.slice(0, at) + text.slice(at + text.length - original.length)).toBe(original);
    const cfg = parse(text) as { models: Record<string, { id: string; baseURL: string; apiKey: string; pricing: unknown }> };
    expect(cfg.models.v3).toMatchObject({ id: job.fineTunedModel, baseURL: server.baseURL, apiKey: `\${${KEY_VAR}}`, pricing: { input: 0.3, output: 1.2, batch_input: 0.15, batch_output: 0.6 } });
    expect(filesContaining(dir, FAKE_KEY)).toEqual([]);
  });

  it('run then gate work on the new label; models shows both with their scores', async () => {
    const run = await cli(['run', '--models', 'v2,v3', '--out', 'rep', '--format', 'json', '--json'], dir);
    expect(run.code, run.stderr).toBe(0);
    const models = (JSON.parse(run.stdout) as { models: { label: string; modelId: string; requests: number }[] }).models;
    expect(models.map((m) => [m.label, m.requests])).toEqual([['v2', 2], ['v3', 2]]);
    expect(models[1]!.modelId).toBe(server.fineTuneJobs.at(-1)!.fineTunedModel);
    expect(server.requests.filter((q) => q.model === models[1]!.modelId)).toHaveLength(2);
    const gate = await cli(['gate', 'rep/results.json', '--baseline', 'v2', '--candidate', 'v3', '--json'], dir);
    expect(gate.code, gate.stdout + gate.stderr).toBe(0);
    expect(JSON.parse(gate.stdout)).toMatchObject({ candidate: 'v3', baseline: 'v2' });
    const list = await cli(['models', '--json'], dir);
    expect(list.code, list.stderr).toBe(0);
    const rows = (JSON.parse(list.stdout) as { models: { label: string; provider: string; where: string; latest: { items: number; avgScore: number } | null }[] }).models;
    expect(rows.map((m) => m.label)).toEqual(['v2', 'v3']);
    // The latest evaluation run, not the (later-listed) augment run of 34 training prompts.
    expect(rows[0]).toMatchObject({ latest: { items: 2 } });
    expect(rows[1]).toMatchObject({ provider: 'openai', where: new URL(server.baseURL).host, latest: { items: 2 } });
    const human = await cli(['models'], dir);
    expect(human.stdout).toMatch(/v3 +Fine-tune of v2 \(job ftjob-/);
    expect(human.stdout).toContain('pricing   $0.3/$1.2 per 1M in/out; batch $0.15/$0.6');
    expect(filesContaining(dir, FAKE_KEY)).toEqual([]);
  });

  it('a job started without --wait is finished by `finetune status` in another process', async () => {
    const start = await cli(['finetune', 'aug/accepted.jsonl', '--from', 'v2', '--as', 'v4', '--validation', 'recheck/accepted.jsonl', '--epochs', '2'], dir);
    expect(start.code, start.stderr).toBe(0);
    expect(start.stderr).toMatch(/check recheck\/accepted\.jsonl: (\d+) of \1 lines accepted, 0 rejected/);
    const jobId = server.fineTuneJobs.at(-1)!.id;
    const job = server.fineTuneJobs.at(-1)!;
    expect(server.uploadedFile(job.validationFile!)).toMatchObject({ purpose: 'fine-tune', name: 'accepted.jsonl' });
    expect(job.hyperparameters).toEqual({ n_epochs: 2 });
    expect(start.stdout).toContain(`Follow it with: l4d2-eval finetune status ${jobId} --wait`);
    expect(parse(readFileSync(path.join(dir, 'l4d2-eval.config.yaml'), 'utf8')).models.v4).toBeUndefined();
    const st = await cliProcess(['finetune', 'status', '--wait', '--poll', '0.01'], dir);
    expect(st.code, st.stderr).toBe(0);
    expect(st.stderr).toContain('New fine-tuned model created');
    expect(st.stdout).toContain(`job ${jobId} succeeded`);
    expect(parse(readFileSync(path.join(dir, 'l4d2-eval.config.yaml'), 'utf8')).models.v4.id).toBe(server.fineTuneJobs.at(-1)!.fineTunedModel);
    // Asked again, the job is not registered twice.
    const again = await cli(['finetune', 'status', jobId], dir);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('was added to l4d2-eval.config.yaml earlier');
  });

  it('cancel stops a running job', async () => {
    const start = await cli(['finetune', 'aug/accepted.jsonl', '--from', 'v2', '--as', 'v5', '--json'], dir);
    const { jobId } = JSON.parse(start.stdout) as { jobId: string };
    const c = await cli(['finetune', 'cancel', jobId, '--json'], dir);
    expect(c.code, c.stderr).toBe(0);
    expect(JSON.parse(c.stdout)).toMatchObject({ jobId, status: 'cancelled' });
    const st = await cli(['finetune', 'status', jobId], dir);
    expect(st.code).toBe(1);
    expect(st.stderr).toContain(`job ${jobId} was cancelled`);
  });
});

describe('finetune refuses bad training data', () => {
  const bad = [
    JSON.stringify({ messages: [{ role: 'user', content: 'x' }, { role: 'assistant', content: FIXED_PLUGIN }] }),
    '{"messages": [ this is not json',
  ].join('\n');

  it('a file the check rejects is not uploaded without --force', async () => {
    const dir = project();
    writeFileSync(path.join(dir, 'bad.jsonl'), bad + '\n');
    const jobs0 = server.fineTuneJobs.length;
    const r = await cli(['finetune', 'bad.jsonl', '--from', 'v2', '--as', 'v9'], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/check bad\.jsonl: \d of 2 lines accepted/);
    expect(r.stderr).toContain('nothing was uploaded');
    expect(r.stderr).toContain('--force');
    expect(server.fineTuneJobs.length).toBe(jobs0);
  });

  it('with --force the job fails on the server and the error is shown clearly; no label is written', async () => {
    const dir = project();
    writeFileSync(path.join(dir, 'bad.jsonl'), bad + '\n');
    const cfg = readFileSync(path.join(dir, 'l4d2-eval.config.yaml'), 'utf8');
    const r = await cli(['finetune', 'bad.jsonl', '--from', 'v2', '--as', 'v9', '--force', '--wait', '--poll', '0.01'], dir);
    expect(r.code).toBe(1);
    const job = server.fineTuneJobs.at(-1)!;
    expect(job.status).toBe('failed');
    expect(r.stderr).toContain(`error: fine-tuning job ${job.id} failed: The job failed due to an invalid training file. Invalid file format. Line 2: the line is not valid JSON. (invalid_training_file, training_file)`);
    expect(r.stderr).toContain('hint: fix bad.jsonl');
    expect(readFileSync(path.join(dir, 'l4d2-eval.config.yaml'), 'utf8')).toBe(cfg);
  });

  it('a replay model cannot train, and an existing label is refused, before anything is sent', async () => {
    const dir = project();
    writeFileSync(path.join(dir, 'l4d2-eval.config.yaml'), CONFIG(server.baseURL).replace('models:\n', 'models:\n  rec: { provider: replay, id: recorded }\n'));
    writeFileSync(path.join(dir, 't.jsonl'), bad + '\n');
    const a = await cli(['finetune', 't.jsonl', '--from', 'rec', '--as', 'v3'], dir);
    expect(a.code).toBe(2);
    expect(a.stderr).toContain('model rec uses provider replay');
    const b = await cli(['finetune', 't.jsonl', '--from', 'v2', '--as', 'rec'], dir);
    expect(b.code).toBe(2);
    expect(b.stderr).toContain('label rec already exists');
    expect(existsSync(path.join(dir, 'reports'))).toBe(false);
  });
});
