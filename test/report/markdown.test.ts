import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../src/report/markdown.js';
import { reporters } from '../../src/report/index.js';
import { makeRunResult } from '../fixtures/run-result.js';

const temps: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'l4d2-md-'));
  temps.push(dir);
  return dir;
}
afterEach(() => {
  for (const d of temps.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** The section between a `## title` and the next `## `. */
function section(md: string, title: string): string {
  const start = md.indexOf(`## ${title}`);
  expect(start, `section ${title}`).toBeGreaterThanOrEqual(0);
  const end = md.indexOf('\n## ', start + 3);
  return md.slice(start, end < 0 ? undefined : end);
}

/** The fixture run as if both models had been asked live (timed answers with token usage). */
function liveRun() {
  const run = makeRunResult();
  for (const m of run.models) m.provider = 'openai';
  return run;
}

describe('markdown reporter', () => {
  const md = reporters.md.render(liveRun(), {});

  it('has a title with suite, run id and date', () => {
    expect(md.startsWith('# Model comparison: core\n')).toBe(true);
    expect(md).toContain('`2025-06-01T10-00-00Z-abc123` · 2025-06-01');
  });

  it('puts both models side by side in the summary with correct figures and deltas', () => {
    const s = section(md, 'Summary');
    expect(s).toContain(
      '| **v1** | `ft:gpt-4o-mini-2024-07-18:team:l4d2-v1:A1b2C3` | 7.00 | baseline | 60.0% | baseline | 80.0% | n/a | 92.0% | 2 | 1 | 3,760 | $0.0125 | 1.12 s |',
    );
    expect(s).toContain(
      '| **v2** | `ft:gpt-4o-mini-2024-07-18:team:l4d2-v2:D4e5F6` | 7.10 | ▲ +0.10 | 66.7% | ▲ +6.7 pp | 100.0% | n/a | 92.9% | 1 | 0 | 4,470 | $0.0150 | 1.05 s |',
    );
  });

  it('shows the compile rate with its mode, and n/a for tokens and latency nobody measured', () => {
    const run = liveRun();
    run.models[0]!.compileRate = 0.9;
    run.models[0]!.compileMode = 'static';
    for (const it of run.items) {
      if (it.model !== 'v2') continue;
      delete it.usage;
      it.latencyMs = 0;
    }
    const s = section(reporters.md.render(run, {}), 'Summary');
    expect(s).toMatch(/\| \*\*v1\*\* .*\| 80\.0% \| 90\.0% static \| 92\.0% \|.*\| 3,760 \| \$0\.0125 \| 1\.12 s \|/);
    expect(s).toMatch(/\| \*\*v2\*\* .*\| 100\.0% \| n\/a \| 92\.9% \| 1 \| 0 \| n\/a \| \$0\.0150 \| n\/a \|/);
    // Replayed recordings were never timed.
    expect(section(reporters.md.render(makeRunResult(), {}), 'Summary')).toMatch(/\| \*\*v1\*\* .*\| \$0\.0125 \| n\/a \|/);
  });

  it('renders the category grid, showing an all-error category as error', () => {
    const s = section(md, 'By category');
    expect(s).toContain('| Category | v1 | v2 |');
    expect(s).toContain('| events | 8.50 (100%) | 6.65 (50%) |');
    expect(s).toContain('| gameplay | 6.00 (33%) | 7.07 (67%) |');
    expect(s).toContain('| admin | error | 8.10 (100%) |');
  });

  it('renders per-case cells with signed deltas vs the baseline', () => {
    const s = section(md, 'By case');
    expect(s).toContain('| Case | Category | v1 | v2 | Δ v2 |');
    expect(s).toContain('| witch-killed-reward | events | 9.0 pass | 5.0 fail | ▼ -4.0 |');
    expect(s).toContain('| incap-heal | gameplay | 5.0 fail | 8.0 pass | ▲ +3.0 |');
    expect(s).toContain('| spawn-jockey | gameplay | 6.5 1/2 pass | 6.6 1/2 pass | ▲ +0.1 |');
  });

  it('escapes a pipe in a user-provided case id inside table cells', () => {
    const s = section(md, 'By case');
    expect(s).toContain('| vote\\|kick-menu | admin | error | 8.1 pass | — |');
    expect(s).not.toContain('| vote|kick-menu |');
  });

  it('escapes pipes and newlines in other cells too', () => {
    const run = makeRunResult();
    run.models[1]!.unknownApis = [{ name: 'Bad|Name', count: 1, cases: ['a\nb'] }];
    const s = section(renderMarkdown(run), 'Unknown APIs');
    expect(s).toContain('| `Bad\\|Name` | 1 | a<br>b |');
  });

  it('gives each unknown API its real way or nearest name when known', () => {
    const run = liveRun();
    run.models[0]!.unknownApis = [
      { name: 'L4D2_ReviveSurvivor', count: 2, cases: ['incap-heal'], hint: 'the native is L4D_ReviveSurvivor(client) (L4D_ prefix)' },
      { name: 'Frobnicate', count: 1, cases: ['spawn-jockey'] },
    ];
    const s = section(renderMarkdown(run), 'Unknown APIs');
    expect(s).toContain('| API | Calls | Cases | Real API or nearest name |');
    expect(s).toContain('| `L4D2_ReviveSurvivor` | 2 | incap-heal | the native is L4D_ReviveSurvivor(client) (L4D_ prefix) |');
    expect(s).toContain('| `Frobnicate` | 1 | spawn-jockey |  |');
  });

  it('lists the regression and the improvement under the right heading', () => {
    const s = section(md, 'Improvements and regressions');
    const [regs, imps] = s.split('**Improvements');
    expect(regs).toContain('**Regressions (1)**');
    expect(regs).toContain('- `witch-killed-reward` (events): 9.0 → 5.0 (▼ -4.0), pass → fail');
    expect(regs).not.toContain('incap-heal');
    expect(imps).toContain('- `incap-heal` (gameplay): 5.0 → 8.0 (▲ +3.0), fail → pass');
    expect(imps).not.toContain('witch-killed-reward');
  });

  it('lists unknown APIs per model with counts and cases', () => {
    const s = section(md, 'Unknown APIs');
    expect(s).toContain('| `L4D2_IsPlayerIncapacitated` | 1 | incap-heal |');
    expect(s).toContain('| `GetClientZombieClass` | 2 | witch-killed-reward, spawn-jockey |');
    expect(s.indexOf('### v1')).toBeLessThan(s.indexOf('L4D2_SpawnInfected'));
    expect(s.indexOf('### v2')).toBeLessThan(s.indexOf('GetClientZombieClass'));
  });

  it('ends with the how-to-read footer and a single newline', () => {
    expect(md).toContain('### How to read this');
    expect(md.endsWith('\n')).toBe(true);
    expect(md.endsWith('\n\n')).toBe(false);
    expect(md).not.toMatch(/\n{3,}/);
  });

  it('says so when only one model ran', () => {
    const run = makeRunResult();
    run.models = run.models.slice(0, 1);
    expect(renderMarkdown(run)).toContain('Only one model in this run');
  });
});

describe('custom templateDir', () => {
  it('overrides the main template, with the same context and helpers', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'report.md.hbs'), 'Custom {{suite.name}}\n{{#each summary}}{{label}}={{fixed avgScore 2}};{{/each}}\n');
    expect(renderMarkdown(makeRunResult(), { templateDir: dir })).toBe('Custom core\nv1=7.00;v2=7.10;\n');
  });

  it('overrides a single partial while keeping the shipped main template', () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'partials'));
    writeFileSync(join(dir, 'partials', 'md-footer.hbs'), 'Generated by our CI.\n');
    const md = renderMarkdown(makeRunResult(), { templateDir: dir });
    expect(md).toContain('## Summary');
    expect(md).toContain('Generated by our CI.');
    expect(md).not.toContain('How to read this');
  });

  it('does not leak a custom partial into a later default render', () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'partials'));
    writeFileSync(join(dir, 'partials', 'md-footer.hbs'), 'OVERRIDE\n');
    renderMarkdown(makeRunResult(), { templateDir: dir });
    expect(renderMarkdown(makeRunResult())).toContain('How to read this');
  });

  it('fails with a helpful message for a missing folder', () => {
    expect(() => renderMarkdown(makeRunResult(), { templateDir: join(tempDir(), 'nope') })).toThrow(/Template folder not found/);
  });
});
