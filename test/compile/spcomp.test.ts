import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { compileWithSpcomp } from '../../evaluators/compile/spcomp.js';
import { spcompVersion } from '../../evaluators/compile/locate.js';
import { extractCode } from '../../evaluators/core/extract.js';
import { createFakeSpcomp, type FakeSpcomp } from './fake-spcomp.js';
import { tempTree } from '../helpers/tmp.js';

let fake: FakeSpcomp;
beforeAll(() => {
  fake = createFakeSpcomp();
});

/** A killed process may linger as a zombie until reaped (containers' PID 1 may be slow to): that counts as dead. */
function alive(pid: number): boolean {
  try {
    return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    try {
      process.kill(pid, 0);
      return !existsSync('/proc');
    } catch {
      return false;
    }
  }
}

const input = (answer: string) => ({ code: extractCode(answer) });
const fenced = (code: string) => '```sourcepawn\n' + code + '\n```\n';
const PLUGIN = `#pragma semicolon 1
public void OnPluginStart()
{
    PrintToServer("hello");
}`;
const env = () => ({ ...process.env, SPCOMP: fake.bin, SOURCEMOD_INCLUDE: '' });
const compile = (code: string, settings = {}) => compileWithSpcomp(input(fenced(code)), settings, env());
const compileCalls = () => fake.calls().filter((c) => c.argv && c.argv.length > 0);

describe('compileWithSpcomp with a stand-in spcomp', () => {
  it('reads the version from the banner once per binary', async () => {
    expect(await spcompVersion(fake.bin)).toBe('1.12');
    await compile(PLUGIN);
    await compile(PLUGIN);
    expect(fake.calls().filter((c) => c.argv?.length === 0)).toHaveLength(1);
  });

  it('compiles a clean plugin in its own temp folder, then removes it', async () => {
    const before = compileCalls().length;
    const r = await compile(PLUGIN);
    expect(r).toMatchObject({ ok: true, mode: 'spcomp', errors: 0, warnings: 0, exitCode: 0, version: '1.12', compiler: fake.bin });
    expect(r.problem).toBeUndefined();
    expect(r.raw).toContain('Code size:');
    const call = compileCalls()[before]!;
    expect(call.cwd).toMatch(/l4d2-eval-spcomp-/);
    expect(call.argv).toEqual([`-i${call.cwd}`, `-o${path.join(call.cwd!, 'plugin.smx')}`, 'plugin.sp']);
    expect(existsSync(call.cwd!)).toBe(false);
  });

  it('parses errors with line, column and code into a failed compile', async () => {
    const r = await compile(`public void OnPluginStart()\n{\n    PrintToServer("%d", x); //!error 017: undefined symbol "x"\n}`);
    expect(r.ok).toBe(false);
    expect(r.problem).toBeUndefined();
    expect(r.exitCode).toBe(1);
    expect(r.errors).toBe(1);
    expect(r.diagnostics).toEqual([{ severity: 'error', code: 17, file: 'plugin.sp', line: 3, column: 5, message: 'undefined symbol "x"' }]);
  });

  it('passes with warnings and counts them', async () => {
    const r = await compile(`int unused; //!warning 203: symbol is never used: "unused"\n${PLUGIN}`);
    expect(r).toMatchObject({ ok: true, errors: 0, warnings: 1, exitCode: 0 });
    expect(r.diagnostics[0]).toMatchObject({ severity: 'warning', code: 203, line: 1 });
  });

  it('reports a missing include as error 417', async () => {
    const r = await compile(`#include <this_include_does_not_exist>\n${PLUGIN}`);
    expect(r.ok).toBe(false);
    expect(r.diagnostics[0]).toMatchObject({ severity: 'error', code: 417, line: 1, message: 'cannot read from file: "this_include_does_not_exist"' });
  });

  it('finds include folders (config first, then SOURCEMOD_INCLUDE) and companion .inc files', async () => {
    const answer = `${fenced(`#include "mylib"\n${PLUGIN}`)}\nmylib.inc\n\`\`\`sourcepawn\nstock void Helper() {} //!error 021: symbol already defined: "Helper"\n\`\`\`\n`;
    const before = compileCalls().length;
    const r = await compileWithSpcomp(input(answer), { include: ['/opt/sm/include'] }, { ...env(), SOURCEMOD_INCLUDE: ['/a/inc', '/b/inc'].join(path.delimiter) });
    const call = compileCalls()[before]!;
    expect(call.argv!.slice(0, 4)).toEqual(['-i/opt/sm/include', '-i/a/inc', '-i/b/inc', `-i${call.cwd}`]);
    expect(r.diagnostics).toEqual([expect.objectContaining({ file: 'mylib.inc', line: 1, code: 21 })]);
  });

  it('a crash by signal is a compiler problem, not a failed compile', async () => {
    const r = await compile(`${PLUGIN}\n//!crash`);
    expect(r.problem).toMatch(/crashed.*SIGSEGV/);
  });

  it('kills the whole process tree past the timeout and cleans up', async () => {
    const before = fake.calls().length;
    const started = Date.now();
    const r = await compile(`${PLUGIN}\n//!hang`, { timeout_ms: 800 });
    expect(r.problem).toMatch(/timed out after 800 ms/);
    expect(Date.now() - started).toBeLessThan(5000);
    const calls = fake.calls().slice(before);
    const grandchild = calls.find((c) => c.grandchild)!.grandchild!;
    // SIGKILL is immediate, but give the kernel a moment before declaring the grandchild alive.
    for (let i = 0; i < 20 && alive(grandchild); i++) await new Promise((res) => setTimeout(res, 100));
    expect(alive(grandchild)).toBe(false);
    expect(existsSync(calls.find((c) => c.argv?.length)!.cwd!)).toBe(false);
  });

  it('caps huge output and reports it as a compiler problem', async () => {
    const r = await compile(`${PLUGIN}\n//!huge`, { max_output_bytes: 100_000 });
    expect(r.problem).toMatch(/exceeded 100000 bytes/);
    expect(r.raw!.length).toBeLessThanOrEqual(110_000);
  });

  it('a missing binary is a compiler problem', async () => {
    const r = await compileWithSpcomp(input(fenced(PLUGIN)), { spcomp: path.join(fake.dir, 'nope') }, env());
    expect(r).toMatchObject({ ok: false, mode: 'spcomp' });
    expect(r.problem).toMatch(/spcomp not found: compiler.spcomp is .*nope/);
  });

  it('refuses absolute and ".." includes without running the compiler', async () => {
    const before = fake.calls().length;
    for (const inc of ['"/etc/passwd"', '<../../secret>', '"C:\\\\Windows\\\\x"', '"\\\\\\\\server\\\\share"']) {
      const r = await compile(`#include ${inc}\n${PLUGIN}`);
      expect(r.ok, inc).toBe(false);
      expect(r.problem, inc).toBeUndefined();
      expect(r.diagnostics[0]?.message, inc).toMatch(/#include of an absolute path|a path with ".."/);
    }
    const r = await compile(`${PLUGIN}\n#tryinclude <sub/../../x>`);
    expect(r.diagnostics[0]).toMatchObject({ line: 6, message: expect.stringContaining('#tryinclude of a path with ".."') });
    expect(fake.calls().length).toBe(before);
  });

  it('never passes answer text through a shell', async () => {
    const cwd = process.cwd();
    const before = compileCalls().length;
    await compile(`public void OnPluginStart()\n{\n    PrintToServer("$(touch pwned) \`touch pwned2\` ; touch pwned3");\n}`);
    const call = compileCalls()[before]!;
    expect(call.argv!.join(' ')).not.toContain('touch');
    for (const dir of [cwd, fake.dir, tmpdir()]) expect(readdirSync(dir).filter((f) => f.startsWith('pwned'))).toEqual([]);
  });
});

describe('a plugin file on disk', () => {
  it('compiles where it is, so `#include "x"` finds the files beside it, and reports the main file as plugin.sp', async () => {
    const dir = tempTree({ 'scripting/helpers.sp': 'stock int Helper() { return 1; }\n', 'scripting/plugin.sp': '' });
    const file = path.join(dir, 'scripting', 'plugin.sp');
    const code = `${PLUGIN}\n#include "helpers.sp"\n#include "missing_here"\n`;
    writeFileSync(file, code);
    const r = await compileWithSpcomp({ code: extractCode(code), file }, {}, env());
    expect(r.diagnostics.map((d) => `${d.file}:${d.line}: ${d.code}: ${d.message}`)).toEqual([`plugin.sp:${code.split('\n').length - 1}: 417: cannot read from file: "missing_here"`]);
    const call = compileCalls().at(-1)!;
    expect(call.cwd).toBe(path.join(dir, 'scripting'));
    expect(call.argv).toContain('plugin.sp');
  });
});

describe('spcomp memory limit', () => {
  it('an answer that makes the compiler reserve too much address space is a compiler problem, not a crash', async () => {
    const r = await compile(`${PLUGIN}\n//!memory`, { max_memory_mb: 512 });
    expect(r.ok).toBe(false);
    expect(r.problem).toMatch(/^spcomp ran out of memory under its limit of 512 MB \(compiler\.max_memory_mb\)/);
    // With the limit off, the same reservation succeeds (nothing is touched), so the limit is what stopped it.
    const free = await compile(`${PLUGIN}\n//!memory`, { max_memory_mb: 0 });
    expect(free.problem).toBeUndefined();
    expect(free.ok).toBe(true);
  });
});
