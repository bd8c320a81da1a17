// The GitHub Actions workflow `init` writes is a valid workflow (the SchemaStore schema, vendored under
// test/adopt/schema with its Apache-2.0 licence), pins every action to a full commit, gets the real spcomp 1.12, caches
// the response cache, runs shards in a matrix and merges them before the gate.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv } from 'ajv';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/cli.js';

const schema = JSON.parse(readFileSync(path.join(ROOT, 'test/adopt/schema/github-workflow.json'), 'utf8')) as object;
const validate = new Ajv({ strict: false, allErrors: true, validateFormats: false }).compile(schema);
const text = readFileSync(path.join(ROOT, 'fixtures/starter/github-workflow.yml'), 'utf8');
const workflow = parse(text) as { jobs: Record<string, { steps: { uses?: string; run?: string; with?: Record<string, unknown> }[]; strategy?: { matrix: { shard: number[] } }; needs?: string }> };

describe('the workflow init writes', () => {
  it('validates against the GitHub Actions workflow schema', () => {
    const ok = validate(workflow);
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
  });

  it('the schema check can fail: a step with neither run nor uses, an unknown key', () => {
    const broken = structuredClone(workflow);
    broken.jobs.gate!.steps.push({ with: { x: 1 } });
    expect(validate(broken)).toBe(false);
    expect(validate({ ...workflow, jobz: {} })).toBe(false);
  });

  it('pins every action to a full commit SHA with its version in a comment', () => {
    const uses = [...text.matchAll(/^\s*-?\s*uses:\s*(\S+)(.*)$/gm)];
    expect(uses.length).toBeGreaterThanOrEqual(8);
    for (const [, ref, rest] of uses) {
      expect(ref).toMatch(/^[\w.-]+\/[\w.-]+@[0-9a-f]{40}$/);
      expect(rest).toMatch(/^ # v\d+\.\d+\.\d+$/);
    }
    // The same action is pinned to one commit everywhere.
    const byAction = new Map<string, Set<string>>();
    for (const [, ref] of uses) {
      const [name, sha] = ref!.split('@') as [string, string];
      byAction.set(name, (byAction.get(name) ?? new Set()).add(sha));
    }
    for (const shas of byAction.values()) expect(shas.size).toBe(1);
    // The external repository checked out for the Left4DHooks includes is pinned too.
    const l4dh = workflow.jobs.run!.steps.find((s) => s.with?.repository === 'SilvDev/Left4DHooks');
    expect(l4dh?.with?.ref).toMatch(/^[0-9a-f]{40}$/);
  });

  it('gets spcomp 1.12, points SPCOMP and SOURCEMOD_INCLUDE at it, caches the response cache, shards, merges, gates', () => {
    const run = workflow.jobs.run!;
    const script = run.steps.map((s) => s.run ?? '').join('\n');
    expect(script).toContain('https://sm.alliedmods.net/smdrop/1.12/sourcemod-latest-linux');
    expect(script).toMatch(/echo "SPCOMP=\$bin" >> "\$GITHUB_ENV"/);
    expect(script).toMatch(/echo "SOURCEMOD_INCLUDE=\$dir\/addons\/sourcemod\/scripting\/include:/);
    expect(script).toContain('npx l4d2-eval doctor');
    expect(script).toMatch(/npx l4d2-eval run .*--shard "\$\{\{ matrix\.shard \}\}\/\$SHARDS"/);
    expect(run.strategy?.matrix.shard).toEqual([1, 2, 3]);
    const cache = run.steps.find((s) => s.uses?.startsWith('actions/cache@'));
    expect(cache?.with?.path).toBe('.l4d2-eval/cache.db');
    const gate = workflow.jobs.gate!;
    expect(gate.needs).toBe('run');
    const gateScript = gate.steps.map((s) => s.run ?? '').join('\n');
    expect(gateScript).toContain('npx l4d2-eval merge shards/*/results.json --out reports/merged');
    expect(gateScript).toMatch(/npx l4d2-eval gate --baseline "\$BASELINE" --candidate "\$CANDIDATE" reports\/merged\/results\.json/);
  });
});

describe('the example workflow in examples/github-actions', () => {
  const example = readFileSync(path.join(ROOT, 'examples/github-actions/eval-gate.yml'), 'utf8');
  it('validates against the schema and pins every action to a full commit', () => {
    expect(validate(parse(example))).toBe(true);
    const uses = [...example.matchAll(/^\s*-?\s*uses:\s*(\S+)(.*)$/gm)];
    expect(uses.length).toBeGreaterThanOrEqual(3);
    for (const [, ref, rest] of uses) {
      expect(ref).toMatch(/^[\w.-]+\/[\w.-]+@[0-9a-f]{40}$/);
      expect(rest).toMatch(/^ # v\d+\.\d+\.\d+$/);
    }
  });
});
