import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { execa } from 'execa';
import { beforeAll, describe, expect, it } from 'vitest';
import { CLI, tempProject } from '../helpers/cli.js';
import { createFakeSpcomp, type FakeSpcomp } from '../compile/fake-spcomp.js';

let project: string;
let fake: FakeSpcomp;
let includeDir: string;

/** Empty stand-ins for every include the recorded answers use, so the stand-in compiler finds them. */
function stubIncludes(root: string): string {
  const dir = path.join(root, 'sm-include');
  mkdirSync(dir, { recursive: true });
  const answers = path.join(root, 'fixtures', 'responses');
  for (const model of readdirSync(answers)) {
    for (const file of readdirSync(path.join(answers, model))) {
      for (const m of readFileSync(path.join(answers, model, file), 'utf8').matchAll(/#\s*include\s*<([\w-]+)(?:\.inc)?>/g)) {
        writeFileSync(path.join(dir, `${m[1]}.inc`), '');
      }
    }
  }
  return dir;
}

async function cli(args: string[], env: Record<string, string>) {
  const r = await execa(process.execPath, [CLI, ...args], { cwd: project, reject: false, env: { NO_COLOR: '1', CI: '1', SPCOMP: '', SOURCEMOD_INCLUDE: '', ...env } });
  return { code: r.exitCode ?? -1, stdout: String(r.stdout), stderr: String(r.stderr) };
}

beforeAll(() => {
  project = tempProject();
  fake = createFakeSpcomp();
  includeDir = stubIncludes(project);
});

describe('spcomp in the loop (built CLI, stand-in compiler)', () => {
  it('run --json reports the compile rate from spcomp, and the report says so', async () => {
    const r = await cli(['run', '--json', '--out', 'out', '--format', 'md,json'], { SPCOMP: fake.bin, SOURCEMOD_INCLUDE: includeDir });
    expect(r.code, r.stderr).toBe(0);
    const summary = JSON.parse(r.stdout) as { models: { label: string; compileRate: number | null; compileMode: string | null }[] };
    for (const m of summary.models) {
      expect(m.compileMode, m.label).toBe('spcomp');
      expect(m.compileRate, m.label).toBeGreaterThan(0.5);
    }
    const report = readFileSync(path.join(project, 'out', 'report.md'), 'utf8');
    expect(report).toContain('## Compile');
    expect(report).toMatch(/\| \*\*v1\*\* \| [\d.]+ ?% \| spcomp \| spcomp 1\.12 \|/);
    const results = JSON.parse(readFileSync(path.join(project, 'out', 'results.json'), 'utf8')) as { items: { compile?: { mode: string } }[] };
    const compiled = results.items.filter((i) => i.compile);
    expect(compiled.length).toBeGreaterThan(results.items.length / 2);
    expect(compiled.every((i) => i.compile?.mode === 'spcomp')).toBe(true);
  }, 120_000);

  it('score lists spcomp diagnostics like a linter, and in --json', async () => {
    writeFileSync(path.join(project, 'bad.sp'), 'public void OnPluginStart()\n{\n    PrintToServer("%d", x); //!error 017: undefined symbol "x"\n}\n');
    const env = { SPCOMP: fake.bin, SOURCEMOD_INCLUDE: includeDir };
    const human = await cli(['score', 'bad.sp'], env);
    expect(human.stdout).toContain('compile (spcomp 1.12): FAILED, 1 error, 0 warnings');
    expect(human.stdout).toContain('bad.sp:3: error 017: undefined symbol "x"');
    const json = JSON.parse((await cli(['score', '--json', 'bad.sp'], env)).stdout);
    expect(json.compile).toEqual({ ok: false, mode: 'spcomp', errors: 1, warnings: 0, diagnostics: [{ severity: 'error', code: 17, line: 3, message: 'undefined symbol "x"' }] });
  });

  it('without spcomp the same command reports the static check, labelled as such', async () => {
    const json = JSON.parse((await cli(['score', '--json', 'bad.sp'], {})).stdout);
    expect(json.compile.mode).toBe('static');
  });
});
