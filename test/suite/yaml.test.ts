// The fast YAML reader (js-yaml with the core schema of `yaml`) must give the same data and the same lines as the
// exact one (`yaml` with every position) on every YAML file the project ships or tests with, and on edge cases.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseYaml, type YamlFile } from '../../src/suite/yaml.js';
import { ROOT } from '../helpers/cli.js';

function yamlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) return name === 'node_modules' ? [] : yamlFiles(p);
    return /\.ya?ml$/.test(name) ? [p] : [];
  });
}

/** Every path of a value: objects, arrays and scalars. */
function paths(value: unknown, at: PropertyKey[] = []): PropertyKey[][] {
  const out: PropertyKey[][] = [at];
  if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) out.push(...paths(v, [...at, Array.isArray(value) ? Number(k) : k]));
  }
  return out;
}

function same(text: string, name = 'doc.yaml') {
  const exact = parseYaml(text, name, { exact: true });
  const fast = parseYaml(text, name);
  expect(fast.problems).toEqual(exact.problems);
  if (!exact.yaml) return;
  const a = fast.yaml as YamlFile;
  const b = exact.yaml;
  expect(a.data).toEqual(b.data);
  for (const p of paths(b.data)) expect([p, a.lineOf(p)]).toEqual([p, b.lineOf(p)]);
  // A path that is not in the file points at its nearest parent, in both.
  expect(a.lineOf(['cases', 0, 'no-such-key'])).toEqual(b.lineOf(['cases', 0, 'no-such-key']));
}

const files = [...yamlFiles(path.join(ROOT, 'suites')), ...yamlFiles(path.join(ROOT, 'fixtures')), ...yamlFiles(path.join(ROOT, 'test')), ...yamlFiles(path.join(ROOT, 'examples')), path.join(ROOT, 'l4d2-eval.config.yaml')];

describe('fast YAML reader', () => {
  it('reads every YAML file of the project as yaml does (data and lines)', () => {
    expect(files.length).toBeGreaterThan(10);
    for (const f of files) same(readFileSync(f, 'utf8'), path.relative(ROOT, f));
  });

  it('resolves plain scalars as the YAML 1.2 core schema does', () => {
    const scalars = ['0o14', '014', '0x1F', '0b101', '1_000', '.5', '+.5', '+12', '-0', '1e3', '1E3', '1.', '-.inf', '.Inf', '.NaN', '.nan', 'NaN', 'inf', 'null', 'Null', 'NULL', '~', '', 'True', 'TRUE', 'tRue', 'yes', 'on', 'y', '2024-01-01', '+0x1', '-0x1', '0o8', '12:30', '1e', '.', '08', '0.1e+3', '"12"', "'true'"];
    same(scalars.map((s, i) => `k${i}: ${s}`).join('\n') + '\n');
    same(`list: [${scalars.filter((s) => s !== '' && s !== '.').join(', ')}]\n`);
  });

  it('agrees on anchors, flow and block styles, comments and multi-line strings', () => {
    same('name: x\ndefaults: &d\n  samples: 2\n  checks:\n    - kind: syntax\ncases:\n  - id: a\n    # comment\n    tags: &t\n      - one\n    checks: *t\n  - {id: b, tags: [x, y], checks: [{kind: regex, pattern: "a"}]}\n  -\n    id: c\n    prompt: |\n      line one\n\n      line three\n    other: >-\n      folded\n      text\n');
    same('cases:\n- id: a\n  prompt: "quoted \\"x\\" \\u0041"\n- id: b\n  prompt: \'it\'\'s\'\n  weight: 2\n');
    same('cases:\n  - id: ammo\n    prompt: >\n      Add a chat command !ammo that\n      refills ammo! Say "!ammo" or /ammo.\n    tags: [chat, "!x"]\n');
    same('# only a comment\n');
    same('');
  });

  it('prints no warning of the yaml package to the terminal (a collection used as a key)', async () => {
    const warnings: string[] = [];
    const listen = (w: Error) => warnings.push(w.message);
    process.on('warning', listen);
    try {
      for (const doc of ['? [a]\n: 1\n', '{a: 1}: e\n', 'cases:\n  - id: a\n    ? [b]\n    : 1\n']) same(doc);
      await new Promise((resolve) => setImmediate(resolve));
    } finally {
      process.off('warning', listen);
    }
    expect(warnings).toEqual([]);
  });

  it('leaves to yaml what the two read differently, and every syntax error', () => {
    for (const doc of ['k: !!str 12\n', 'k: [a, !!str 1]\n', '- !custom x\n', 'k: &a !!int "3"\n', 'k: !!float 3\n', 'k: !!float 3\n', '%YAML 1.1\n---\na: yes\n', '? [a]\n: 1\n', '[a]: d\n', '{a: 1}: e\n', '~: c\n', 'null: c\n', 'a: 1\na: 2\n', 'a:\n\t- x\n', 'a: b: c\n', 'k: @x\n', '---\na: 1\n---\nb: 2\n', 'x: 1\n  y: 2\n', 'cases:\n  - id: [unclosed\n']) {
      same(doc);
    }
  });
});
