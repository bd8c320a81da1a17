import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { cli, tempProject } from '../helpers/cli.js';
import { tempTree } from '../helpers/tmp.js';

describe('l4d2-eval run (offline default, built CLI)', () => {
  let dir: string;
  let json: { runId: string; suite: string; reportDir: string; models: Record<string, unknown>[] };
  let code: number;
  let stderr: string;

  beforeAll(async () => {
    dir = tempProject();
    const r = await cli(['run', '--json'], dir);
    code = r.code;
    stderr = r.stderr;
    json = JSON.parse(r.stdout);
  });

  it('exits 0 and prints only the documented JSON shape', () => {
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(Object.keys(json)).toEqual(['runId', 'suite', 'reportDir', 'models']);
    expect(json.suite).toBe('l4d2-core');
    expect(json.models.map((m) => m.label)).toEqual(['v1', 'v2']);
    for (const m of json.models) {
      expect(Object.keys(m)).toEqual([
        'label', 'modelId', 'cases', 'avgScore', 'passRate', 'syntaxRate', 'apiAccuracy', 'compileRate', 'compileMode',
        'unknownApis', 'costUsd', 'requests', 'cachedResponses', 'retries', 'errors', 'inputTokens', 'outputTokens',
      ]);
      expect(m.compileMode).toBe('static');
      expect(m.requests).toBe(0);
      expect(m.cases).toBeGreaterThanOrEqual(40);
    }
    expect(json.models[1]!.modelId).toBe('ft:gpt-4o-mini-2024-07-18:highencodelearning:l4d2-sourcemod-v2:CuyGSbKT');
  });

  it('scores v2 better than v1 on the recorded answers, but neither perfect', () => {
    const [v1, v2] = json.models as { avgScore: number; passRate: number; unknownApis: number }[];
    expect(v2!.avgScore).toBeGreaterThan(v1!.avgScore);
    expect(v2!.passRate).toBeGreaterThan(v1!.passRate);
    expect(v2!.passRate).toBeLessThan(1);
    expect(v1!.unknownApis).toBeGreaterThan(0);
  });

  it('writes Markdown, CSV and JSON reports with both models side by side', () => {
    const out = path.join(dir, 'reports/latest');
    expect(json.reportDir).toBe(out);
    const md = readFileSync(path.join(out, 'report.md'), 'utf8');
    expect(md).toContain('v1');
    expect(md).toContain('v2');
    const results = JSON.parse(readFileSync(path.join(out, 'results.json'), 'utf8'));
    expect(results.schemaVersion).toBe(1);
    expect(results.runId).toBe(json.runId);
    const csvLines = readFileSync(path.join(out, 'results.csv'), 'utf8').trim().split('\n');
    expect(csvLines.length - 1).toBe(results.items.length);
  });

  it('re-renders reports from results.json', async () => {
    const out = path.join(dir, 'rerender');
    const r = await cli(['report', path.join(dir, 'reports/latest/results.json'), '--out', out, '--format', 'md'], dir);
    expect(r.code).toBe(0);
    expect(readFileSync(path.join(out, 'report.md'), 'utf8')).toBe(readFileSync(path.join(dir, 'reports/latest/report.md'), 'utf8'));
  });

  it('keeps going when a recording is missing: that item is an error, the others are scored', async () => {
    const d = tempProject();
    const victim = readFileSync(path.join(d, 'suites/core/special-infected.yaml'), 'utf8').match(/- id: (\S+)/)![1]!;
    rmSync(path.join(d, 'fixtures/responses/v2', `${victim}.md`));
    const r = await cli(['run', '--json', '--models', 'v2', '--out', 'out'], d);
    // The unjudged item makes CI fail (exit 3) unless allowed; the others are scored and every report written.
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('1 item could not be judged (allowed: 0):');
    expect(r.stderr).toMatch(/v2: 1 × provider: missing_recording: /);
    expect((await cli(['run', '--json', '--models', 'v2', '--out', 'out', '--allow-errors', '1'], d)).code).toBe(0);
    const results = JSON.parse(readFileSync(path.join(d, 'out/results.json'), 'utf8'));
    const item = results.items.find((i: { caseId: string }) => i.caseId === victim);
    expect(item.status).toBe('error');
    expect(item.error.code).toBe('missing_recording');
    expect(results.models[0].errors).toBe(1);
    expect(results.items.filter((i: { status: string }) => i.status !== 'error').length).toBe(results.items.length - 1);
  });

  it('scores empty, binary, huge and prose answers as failures without crashing', async () => {
    const d = tempProject();
    const ids = [...readFileSync(path.join(d, 'suites/core/survivors.yaml'), 'utf8').matchAll(/- id: (\S+)/g)].map((m) => m[1]!);
    const v2 = path.join(d, 'fixtures/responses/v2');
    writeFileSync(path.join(v2, `${ids[0]}.md`), '');
    writeFileSync(path.join(v2, `${ids[1]}.md`), Buffer.from([0, 1, 2, 255, 0, 80, 75]));
    writeFileSync(path.join(v2, `${ids[2]}.md`), '```sourcepawn\n' + 'public void F() { int x = 1; }\n'.repeat(180_000) + '```\n');
    writeFileSync(path.join(v2, `${ids[3]}.md`), 'I am sorry, I cannot help with that request.');
    const r = await cli(['run', '--json', '--models', 'v2', '--out', 'out'], d);
    expect(r.code).toBe(0);
    const results = JSON.parse(readFileSync(path.join(d, 'out/results.json'), 'utf8'));
    for (const id of ids.slice(0, 4)) {
      const item = results.items.find((i: { caseId: string }) => i.caseId === id);
      expect(item.status, id).toBe('fail');
      expect(item.syntax.ok, id).toBe(false);
    }
  });
});

describe('l4d2-eval usage errors', () => {
  it('prints help and exits 0', async () => {
    const r = await cli(['--help'], process.cwd());
    expect(r.code).toBe(0);
    for (const c of ['run', 'score', 'report', 'validate', 'schema']) expect(r.stdout).toContain(`  ${c} `);
  });

  it('exits 2 with file:line problems and no stack trace for a bad suite', async () => {
    const d = tempProject();
    writeFileSync(path.join(d, 'bad.yaml'), 'name: bad\ncases:\n  - id: x\n    category: c\n    prompt: p\n    checks:\n      - { kind: callz, names: [A] }\n');
    const r = await cli(['run', 'bad.yaml'], d);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('bad.yaml:7 cases[0].checks[0].kind: unknown check kind "callz" (did you mean "calls"?)');
    expect(r.stderr).toContain('nothing was run');
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(existsSync(path.join(d, 'reports'))).toBe(false);
  });

  it('exits 2 for an unknown model label, command or flag', async () => {
    const d = tempProject();
    const a = await cli(['run', '--models', 'v3'], d);
    expect(a.code).toBe(2);
    expect(a.stderr).toContain('unknown model label "v3"');
    expect(a.stderr).toContain('known labels');
    const b = await cli(['runn'], d);
    expect(b.code).toBe(2);
    expect(b.stderr).toContain('did you mean "run"?');
    const c = await cli(['run', '--modles', 'v1'], d);
    expect(c.code).toBe(2);
    expect(c.stderr).toContain('unknown option --modles');
  });

  it('exits 2 when the config is missing', async () => {
    const r = await cli(['run'], tempTree({}));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('config file not found');
  });
});
