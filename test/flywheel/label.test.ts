import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadConfig } from '../../src/config/load.js';
import { addModelLabel } from '../../src/flywheel/label.js';
import { ROOT } from '../helpers/cli.js';
import { tempTree } from '../helpers/tmp.js';

const SHIPPED = readFileSync(path.join(ROOT, 'l4d2-eval.config.yaml'), 'utf8');

describe('addModelLabel', () => {
  it('adds the label after the last model and leaves every other line of the shipped config as it was', () => {
    const dir = tempTree({ 'l4d2-eval.config.yaml': SHIPPED });
    const file = path.join(dir, 'l4d2-eval.config.yaml');
    const r = addModelLabel(file, 'v2', 'v3', 'ft:gpt-4o-mini-2024-07-18:team:l4d2-v3:xyz', 'Fine-tune of v2');
    expect(r).toEqual({ written: true, file, notes: [] });
    const after = readFileSync(file, 'utf8').split('\n');
    const before = SHIPPED.split('\n');
    // Exactly the new lines were inserted, in one block, right after the v2 entry.
    const at = after.findIndex((l) => l === '  v3:');
    expect(at).toBe(before.findIndex((l) => l.startsWith('# Thresholds')));
    const added = after.slice(at, at + after.length - before.length);
    expect([...after.slice(0, at), ...after.slice(at + added.length)]).toEqual(before);
    expect(added).toEqual([
      '  v3:',
      '    provider: replay',
      '    id: ft:gpt-4o-mini-2024-07-18:team:l4d2-v3:xyz',
      '    description: Fine-tune of v2',
      '    pricing: { input: 0.30, output: 1.20, batch_input: 0.15, batch_output: 0.60 }',
    ]);
    const config = loadConfig(file);
    expect(Object.keys(config.models)).toEqual(['v1', 'v2', 'v3']);
    expect(config.models.v3!.id).toBe('ft:gpt-4o-mini-2024-07-18:team:l4d2-v3:xyz');
  });

  it('never copies a literal key or literal headers, only ${VAR} references; drops comments and the replay folder', () => {
    const literal = ['sk', 'literal', 'x'.repeat(20)].join('-');
    const text = `models:\n  a:\n    provider: openai # keep me on a only\n    id: base\n    apiKey: ${literal}\n    headers: { X-Team: ${literal} }\n    dir: recordings/a\n  b:\n    provider: openai\n    id: base-b\n    apiKey: \${B_KEY}\n    headers:\n      X-Org: \${ORG}\n`;
    const dir = tempTree({ 'c.yaml': text });
    const file = path.join(dir, 'c.yaml');
    const ra = addModelLabel(file, 'a', 'a2', 'ft:a2', 'from a');
    expect(ra.notes.join('\n')).toMatch(/apiKey of a is not a \$\{VAR\} reference: not copied[\s\S]*headers of a hold literal values/);
    const rb = addModelLabel(file, 'b', 'b2', 'ft:b2', 'from b');
    expect(rb.notes).toEqual([]);
    const out = readFileSync(file, 'utf8');
    expect(out.split(literal)).toHaveLength(3); // the two literals of `a`, not copied
    expect(out.match(/# keep me on a only/g)).toHaveLength(1);
    const doc = parse(out) as { models: Record<string, Record<string, unknown>> };
    expect(doc.models.a2).toEqual({ provider: 'openai', id: 'ft:a2', description: 'from a' });
    expect(doc.models.b2).toEqual({ provider: 'openai', id: 'ft:b2', apiKey: '${B_KEY}', headers: { 'X-Org': '${ORG}' }, description: 'from b' });
    expect(out.startsWith(text)).toBe(true);
  });

  it('a label that exists is kept when it names the same model and refused otherwise', () => {
    const dir = tempTree({ 'c.yaml': 'models:\n  v2: { provider: openai, id: m2 }\n' });
    const file = path.join(dir, 'c.yaml');
    expect(addModelLabel(file, 'v2', 'v2', 'm2', 'x')).toMatchObject({ written: true, notes: ['label v2 already names m2'] });
    expect(() => addModelLabel(file, 'v2', 'v2', 'm3', 'x')).toThrow(/label v2 already exists .* \(id m2\)/);
    // A new label after a flow-style entry.
    expect(addModelLabel(file, 'v2', 'v3', 'm3', 'x').written).toBe(true);
    expect((parse(readFileSync(file, 'utf8')) as { models: Record<string, { id: string }> }).models.v3!.id).toBe('m3');
    writeFileSync(file, 'models: {}\n');
    expect(() => addModelLabel(file, 'v2', 'v3', 'm3', 'x')).toThrow(/model v2 is not a mapping/);
  });
});
