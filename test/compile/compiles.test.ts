import { beforeAll, describe, expect, it } from 'vitest';
import { compiles } from '../../evaluators/checks/compiles.js';
import { loadGrammar } from '../../evaluators/core/grammar.js';
import { prepareInput, releaseInput } from '../../evaluators/core/input.js';
import type { CompilerSettings } from '../../evaluators/core/types.js';
import { judgeAnswer } from '../../src/run/judge.js';
import type { CheckSpec } from '../../src/types/suite.js';
import { createFakeSpcomp, type FakeSpcomp } from './fake-spcomp.js';

let fake: FakeSpcomp;
let spcomp: CompilerSettings;
beforeAll(async () => {
  await loadGrammar();
  fake = createFakeSpcomp();
  spcomp = { spcomp: fake.bin };
});

const PLUGIN = 'public void OnPluginStart()\n{\n    PrintToServer("hi");\n}';
const WARN = `int unused; //!warning 203: symbol is never used: "unused"\n${PLUGIN}`;
const answer = (code: string) => '```sourcepawn\n' + code + '\n```\n';
const compileCalls = () => fake.calls().filter((c) => c.argv && c.argv.length > 0).length;

async function check(code: string, options: Record<string, unknown> = {}, compiler: CompilerSettings = spcomp) {
  const input = prepareInput(answer(code), { compiler });
  try {
    return await compiles.evaluate(input, compiles.options.parse(options));
  } finally {
    releaseInput(input);
  }
}

describe('compiles check', () => {
  it('passes a clean compile and carries the CompileResult', async () => {
    const r = await check(PLUGIN);
    expect(r.status).toBe('pass');
    expect(r.reason).toMatch(/^compiles \(spcomp 1\.12\)/);
    expect(r.details?.compile).toMatchObject({ ok: true, mode: 'spcomp', version: '1.12' });
  });

  it('fails on errors with locations from the diagnostics', async () => {
    const r = await check(`${PLUGIN}\nint y = z; //!error 017: undefined symbol "z"`);
    expect(r.status).toBe('fail');
    expect(r.reason).toContain('plugin.sp:5: error 017: undefined symbol "z"');
    expect(r.locations).toEqual([{ line: 5, column: 1, message: 'error 017: undefined symbol "z"' }]);
  });

  it('applies max_warnings and no_warnings', async () => {
    expect((await check(WARN)).status).toBe('pass');
    expect((await check(WARN, { max_warnings: 1 })).status).toBe('pass');
    expect((await check(WARN, { max_warnings: 0 })).status).toBe('fail');
    expect((await check(WARN, { no_warnings: true })).reason).toMatch(/1 warning, over the limit of 0/);
  });

  it('a crash, a timeout or a missing binary is an error, not a failure', async () => {
    expect((await check(`${PLUGIN}\n//!crash`)).status).toBe('error');
    expect((await check(`${PLUGIN}\n//!hang`, {}, { ...spcomp, timeout_ms: 500 })).status).toBe('error');
    const missing = await check(PLUGIN, { mode: 'spcomp' }, { spcomp: `${fake.dir}/missing-spcomp` });
    expect(missing.status).toBe('error');
    expect(missing.reason).toMatch(/compiler problem \(spcomp\): spcomp not found/);
  });

  it('refuses unsafe includes as a failed check, in spcomp and static mode alike', async () => {
    const before = compileCalls();
    for (const mode of ['spcomp', 'static']) {
      const r = await check(`#include "../../../etc/passwd"\n${PLUGIN}`, { mode });
      expect(r.status, mode).toBe('fail');
      expect(r.reason, mode).toContain('#include of a path with ".." is refused');
    }
    expect(compileCalls()).toBe(before);
  });

  it('mode static uses the static check even when spcomp is configured', async () => {
    const r = await check(PLUGIN, { mode: 'static' });
    expect((r.details?.compile as { mode: string }).mode).toBe('static');
  });

  it('fails without code', async () => {
    expect((await check('')).status).toBe('fail');
  });

  it('judgeAnswer records the compile outcome and shares one compile with the check', async () => {
    const before = compileCalls();
    const checks: CheckSpec[] = [{ kind: 'compiles', id: 'compiles', weight: 1, required: false, options: compiles.options.parse({}) }];
    const j = await judgeAnswer(answer(`${PLUGIN}\nint y = z; //!error 017: undefined symbol "z"`), checks, 7, { compiler: spcomp });
    expect(compileCalls() - before).toBe(1);
    expect(j.checks[0]?.status).toBe('fail');
    expect(j.compile).toMatchObject({ ok: false, mode: 'spcomp', errors: 1, warnings: 0, version: '1.12' });
    expect(j.compile?.diagnostics[0]).toMatchObject({ code: 17, line: 5 });
  });
});
