import { createWriteStream, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { once } from 'node:events';
import path from 'node:path';
import { execa } from 'execa';
import { describe, expect, it } from 'vitest';
import { loadSuites } from '../../src/suite/multi.js';
import { cli, CLI } from '../helpers/cli.js';
import { tempTree } from '../helpers/tmp.js';
import { CASES, datasetText } from '../dataset/dataset.js';
import { chatLine, fenced, TANK_PLUGIN } from '../dataset/plugins.js';

const ACCEPTED = CASES.filter((c) => c.expect === 'accepted').length;

describe('l4d2-eval check', () => {
  it('splits a dataset into accepted/rejected files under reports/check and prints a summary', async () => {
    const dir = tempTree({ 'train.jsonl': datasetText() });
    const r = await cli(['check', 'train.jsonl'], dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`checked ${CASES.length} of ${CASES.length} lines: ${ACCEPTED} accepted, ${CASES.length - ACCEPTED} rejected`);
    expect(r.stdout).toMatch(/\s3 {2}compile\n/);
    for (const f of ['accepted.jsonl', 'rejected.jsonl', 'report.md', 'report.csv', 'summary.json']) expect(existsSync(path.join(dir, 'reports/check', f))).toBe(true);
    expect(readFileSync(path.join(dir, 'train.jsonl'), 'utf8')).toBe(datasetText());
  });

  it('--json prints only the summary on stdout', async () => {
    const dir = tempTree({ 'train.jsonl': datasetText() });
    const r = await cli(['check', 'train.jsonl', '--json', '--out', 'out', '--no-inline-reasons', '--to-suite', 'data.yaml'], dir);
    expect(r.code).toBe(0);
    const s = JSON.parse(r.stdout) as { accepted: number; rejected: number; outputs: Record<string, string> };
    expect(s).toMatchObject({ accepted: ACCEPTED, rejected: CASES.length - ACCEPTED });
    expect(Object.keys(s.outputs).sort()).toEqual(['accepted', 'csv', 'markdown', 'reasons', 'rejected', 'suite', 'summary']);
    const { suite } = await loadSuites([path.join(dir, 'data.yaml')]);
    // Batch output lines carry no prompt: every other accepted example gives a case.
    expect(suite.cases).toHaveLength(ACCEPTED - 1);
  });

  it('reports a 10 MB line with its line number and checks the rest', async () => {
    const dir = tempTree({});
    writeFileSync(path.join(dir, 'big.jsonl'), `${'{"pad":"' + 'x'.repeat(11 * 1024 * 1024) + '"}'}\n${chatLine('Announce tanks.', fenced(TANK_PLUGIN))}\n`);
    const r = await cli(['check', 'big.jsonl', '--json'], dir);
    expect(r.code).toBe(0);
    const s = JSON.parse(r.stdout) as { accepted: number; rejected: number; reasons: unknown[] };
    expect(s).toMatchObject({ accepted: 1, rejected: 1, reasons: [{ code: 'line-too-long', count: 1 }] });
    expect(readFileSync(path.join(dir, 'reports/check/report.csv'), 'utf8')).toMatch(/big\.jsonl,1,rejected,,line-too-long/);
  });

  it('exits 2 on usage errors and unreadable files, without a stack trace', async () => {
    const dir = tempTree({ 'a.jsonl': '\n' });
    const cases: [string[], RegExp][] = [
      [['check', 'missing.jsonl'], /cannot read missing\.jsonl: file not found/],
      [['check', 'a.jsonl', '--near-dup', '2'], /--near-dup must be a number from 0 to 1/],
      [['check', 'a.jsonl', '--rules', 'team-number'], /did you mean "team-numbers"/],
      [['check', 'a.jsonl', '--out', '.', '--to-suite', 'a.jsonl'], /would overwrite an input file/],
    ];
    for (const [args, message] of cases) {
      const r = await cli(args, dir);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(message);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    }
  });

  it('streams a 50,000-line file in bounded memory', async () => {
    const dir = tempTree({});
    const file = path.join(dir, 'big.jsonl');
    const out = createWriteStream(file);
    // Long prompts make the file much larger than the heap allowed below; answers stay cheap to judge.
    const pad = 'Describe how the plugin should behave in versus and coop. '.repeat(16);
    for (let i = 0; i < 50_000; i++) {
      const answer = i % 1000 === 0 ? fenced(TANK_PLUGIN.replace('Tank Announce', `Tank ${i}`)) : '';
      if (!out.write(chatLine(`${pad} #${i}`, answer) + '\n')) await once(out, 'drain');
    }
    out.end();
    await once(out, 'finish');
    const wrapper = path.join(dir, 'rss.mjs');
    // Reports the peak RSS of the real CLI process when it exits.
    writeFileSync(wrapper, `process.argv.splice(1, 1);\nprocess.on('exit', () => process.stderr.write('maxRSS=' + process.resourceUsage().maxRSS + '\\n'));\nawait import(${JSON.stringify(CLI)});\n`);
    const peak = async (input: string) => {
      const r = await execa(process.execPath, ['--max-old-space-size=48', wrapper, 'x', 'check', input, '--json', '--out', 'out'], { cwd: dir, reject: false, env: { NO_COLOR: '1' } });
      expect(r.exitCode).toBe(0);
      return { summary: JSON.parse(String(r.stdout)) as { checked: number; reasons: { code: string; count: number }[] }, rss: Number(/maxRSS=(\d+)/.exec(String(r.stderr))?.[1]) * 1024 };
    };
    writeFileSync(path.join(dir, 'one.jsonl'), chatLine('Announce tanks.', fenced(TANK_PLUGIN)) + '\n');
    const baseline = await peak('one.jsonl');
    const big = await peak(file);
    expect(big.summary.checked).toBe(50_000);
    expect(big.summary.reasons).toContainEqual({ code: 'empty-answer', count: 49_950 });
    const size = readFileSync(file).length;
    // About 30 MB of the 48 MB heap is taken by the runtime and API catalog, so holding all lines as strings
    // would not fit; lines held outside the heap (buffers) would show in the peak RSS growth.
    expect(size).toBeGreaterThan(50 * 1024 * 1024);
    expect(big.rss - baseline.rss).toBeLessThan(size * 0.9);
  }, 120_000);
});
