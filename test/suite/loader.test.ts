import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSuite } from '../../src/suite/loader.js';
import { formatProblem } from '../../src/core/errors.js';
import { tempTree } from '../helpers/tmp.js';

const okCase = `  - id: tank-a
    category: special-infected/tank
    prompt: Write a plugin that announces the Tank.
    checks:
      - { kind: hooks_event, events: [tank_spawn], required: true }
`;

async function load(files: Record<string, string>, main = 'suite.yaml') {
  const dir = tempTree(files);
  const r = await loadSuite(path.join(dir, main));
  return { ...r, messages: r.errors.map(formatProblem).map((m) => m.replaceAll(path.relative(process.cwd(), dir) + path.sep, '').replaceAll(dir + path.sep, '')) };
}

describe('loadSuite', () => {
  it('loads a valid suite with defaults applied and default checks added', async () => {
    const r = await load({
      'suite.yaml': `name: t\ndefaults:\n  pass_score: 6\n  checks:\n    - { kind: syntax, required: true }\ncases:\n${okCase}`,
    });
    expect(r.errors).toEqual([]);
    const c = r.value!.cases[0]!;
    expect(c.passScore).toBe(6);
    expect(c.params).toEqual({ temperature: 0.3, max_tokens: 2048 });
    expect(c.checks.map((k) => [k.kind, k.id, k.required])).toEqual([
      ['syntax', 'syntax', true],
      ['hooks_event', 'hooks_event:tank_spawn', true],
    ]);
  });

  it('reports a problem of a default check once, not once per case, and renames a case check that repeats a default id', async () => {
    const r = await load({
      'suite.yaml': `name: t\ndefaults:\n  checks:\n    - { kind: regexx, pattern: a }\n    - { kind: syntax }\ncases:\n${okCase}${okCase.replace('tank-a', 'tank-b')}${okCase.replace('tank-a', 'tank-c')}`,
    });
    expect(r.messages).toEqual(['suite.yaml:4 defaults.checks[0].kind: unknown check kind "regexx" (did you mean "regex"?)']);
    const ok = await load({
      'suite.yaml': `name: t\ndefaults:\n  checks:\n    - { kind: syntax }\ncases:\n${okCase.replace('required: true }', 'required: true }\n      - { kind: syntax, weight: 2 }')}`,
    });
    expect(ok.errors).toEqual([]);
    expect(ok.value!.cases[0]!.checks.map((c) => c.id)).toEqual(['syntax', 'hooks_event:tank_spawn', 'syntax#2']);
  });

  it('reports every problem at once with file, line and YAML path', async () => {
    const r = await load({
      'suite.yaml': `name: t
cases:
  - id: a
    category: x
    prompt: p
    checks:
      - { kind: callz, names: [HookEvent] }
      - { kind: regex, pattern: "([a-z" }
      - { kind: rule, rules: [zombie-class-numberz] }
  - id: a
    category: y
    prompt: q
  - id: b
    category: z
    prompt: r
    checks:
      - { kind: calls }
`,
    });
    expect(r.value).toBeUndefined();
    const joined = r.messages.join('\n');
    expect(joined).toContain('suite.yaml:7 cases[0].checks[0].kind: unknown check kind "callz" (did you mean "calls"?)');
    expect(joined).toMatch(/suite\.yaml:8 cases\[0\]\.checks\[1\]\.pattern: .*invalid/i);
    expect(joined).toMatch(/suite\.yaml:9 cases\[0\]\.checks\[2\]\.rules\[0\]/);
    expect(joined).toContain('suite.yaml:10 cases[1].id: duplicate case id "a" (first defined at');
    expect(joined).toMatch(/suite\.yaml:17 cases\[2\]\.checks\[0\]\.names/);
    expect(r.errors).toHaveLength(5);
  });

  it('follows include: and reports a missing include where it is written', async () => {
    const r = await load({
      'suite.yaml': `name: t\ninclude:\n  - parts/a.yaml\n  - parts/missing.yaml\n`,
      'parts/a.yaml': `cases:\n${okCase}`,
    });
    expect(r.messages).toEqual(['suite.yaml:4 include[1]: included file not found: "parts/missing.yaml" (paths are relative to suite.yaml)']);
  });

  it('merges included cases and detects duplicate ids across files', async () => {
    const r = await load({
      'suite.yaml': `name: t\ninclude: [a.yaml]\ncases:\n${okCase}`,
      'a.yaml': `cases:\n${okCase}`,
    });
    expect(r.messages.join('\n')).toMatch(/a\.yaml:2 cases\[0\]\.id: duplicate case id "tank-a" \(first defined at .*suite\.yaml:4\)/);
  });

  it('detects include cycles', async () => {
    const r = await load({ 'suite.yaml': `name: t\ninclude: [b.yaml]\n`, 'b.yaml': `include: [suite.yaml]\ncases:\n${okCase}` });
    expect(r.messages.join('\n')).toContain('include cycle');
  });

  it('gives a clear error for malformed YAML, a missing file, an empty file and an empty suite', async () => {
    expect((await load({ 'suite.yaml': 'name: t\ncases: [\n  - id: x\n' })).messages[0]).toMatch(/^suite\.yaml:\d+: invalid YAML/);
    expect((await load({}, 'nope.yaml')).messages).toEqual(['nope.yaml: file not found (check the path)']);
    expect((await load({ 'suite.yaml': '' })).messages[0]).toContain('the file is empty');
    expect((await load({ 'suite.yaml': 'name: t\ncases: []\n' })).messages[0]).toContain('the suite has no cases');
  });

  it('rejects unknown fields and a missing name', async () => {
    const r = await load({ 'suite.yaml': `cases:\n  - id: a\n    category: c\n    prompt: p\n    promt: typo\n` });
    expect(r.messages).toContain('suite.yaml:1: missing `name:` (the suite name shown in reports)');
    expect(r.messages.join('\n')).toMatch(/suite\.yaml:5 cases\[0\]: unknown field "promt"/);
  });

  it('renders prompt templates with vars and reports undeclared vars', async () => {
    const ok = await load({ 'suite.yaml': `name: t\ncases:\n  - id: a\n    category: c\n    prompt: "Set tank HP to {{hp}}"\n    vars: { hp: 8000 }\n    checks: [{ kind: syntax }]\n` });
    expect(ok.value!.cases[0]!.prompt).toBe('Set tank HP to 8000');
    const bad = await load({ 'suite.yaml': `name: t\ncases:\n  - id: a\n    category: c\n    prompt: "Set tank HP to {{hp}}"\n    checks: [{ kind: syntax }]\n` });
    expect(bad.messages[0]).toMatch(/suite\.yaml:5 cases\[0\]\.prompt: prompt template: .*hp/);
  });

  it('validates tree-sitter queries against the grammar', async () => {
    const r = await load({ 'suite.yaml': `name: t\ncases:\n  - id: a\n    category: c\n    prompt: p\n    checks:\n      - { kind: query, query: "(no_such_node) @x" }\n` });
    expect(r.messages[0]).toMatch(/suite\.yaml:7 cases\[0\]\.checks\[0\]\.query: invalid tree-sitter query/);
  });
});
