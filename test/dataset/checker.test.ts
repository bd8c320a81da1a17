import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { checkFiles, checkSpecsFor, DEFAULT_CHECK_OPTIONS, type CheckOptions, type CheckSummary } from '../../src/dataset/index.js';
import { loadSuites } from '../../src/suite/multi.js';
import { tempTree } from '../helpers/tmp.js';
import { CASES, datasetText, lineOf } from './dataset.js';

const OPTIONS: CheckOptions = { ...DEFAULT_CHECK_OPTIONS, maxTokens: 2000 };

async function check(text: string, options: Partial<CheckOptions> = {}, inlineReasons = true, toSuite?: string) {
  const dir = tempTree({ 'data.jsonl': text });
  const file = path.join(dir, 'data.jsonl');
  const outDir = path.join(dir, 'out');
  const summary = await checkFiles([file], { ...OPTIONS, ...options }, checkSpecsFor(options.rules), { outDir, inlineReasons, toSuite: toSuite && path.join(dir, toSuite) });
  const read = (name: string) => readFileSync(path.join(outDir, name), 'utf8');
  const jsonl = (name: string) => read(name).split('\n').filter(Boolean).map((l) => JSON.parse(l) as Record<string, unknown>);
  return { dir, file, outDir, summary, read, jsonl };
}

describe('checkFiles on a mixed dataset', () => {
  let r: Awaited<ReturnType<typeof check>>;
  beforeAll(async () => {
    r = await check(datasetText());
  });

  test('counts every line, accepted and rejected exactly', () => {
    const accepted = CASES.filter((c) => c.expect === 'accepted').length;
    expect(r.summary).toMatchObject({ lines: CASES.length, checked: CASES.length, accepted, rejected: CASES.length - accepted, blankLines: 1 });
  });

  test('each rejected line carries exactly the expected reasons, with its line number', () => {
    const reasons = r.jsonl('rejected.jsonl').map((o) => (o._reasons as { code: string; warning?: boolean }[]).filter((x) => !x.warning).map((x) => x.code));
    const expected = CASES.filter((c) => c.expect !== 'accepted').map((c) => c.expect as string[]);
    expect(reasons.map((codes) => [...codes].sort())).toEqual(expected.map((codes) => [...codes].sort()));
    const csv = r.read('report.csv').trim().split('\n');
    expect(csv).toHaveLength(CASES.length + 1);
    CASES.forEach((c, i) => expect(csv[i + 1]).toContain(`,${lineOf(i)},${c.expect === 'accepted' ? 'accepted' : 'rejected'},`));
  });

  test('accepted.jsonl holds the accepted lines byte for byte', () => {
    const expected = CASES.filter((c) => c.expect === 'accepted').map((c) => c.line + '\n').join('');
    expect(r.read('accepted.jsonl')).toBe(expected);
  });

  test('rejected lines keep their fields, with _reasons added; malformed lines are wrapped', () => {
    const rejected = r.jsonl('rejected.jsonl');
    const dup = rejected[0]!;
    expect(dup.messages).toEqual((JSON.parse(CASES[2]!.line) as { messages: unknown }).messages);
    expect(JSON.stringify(dup._reasons)).toContain(`data.jsonl:${lineOf(0)}`);
    const malformed = rejected.find((o) => '_raw' in o)!;
    expect(malformed._raw).toBe(CASES[10]!.line);
  });

  test('the same prompt with different code is a warning on both examples', () => {
    expect(r.summary.warnings).toEqual([{ code: 'conflicting-answers', count: 2 }]);
    const invented = r.jsonl('rejected.jsonl')[2]!;
    expect(invented.messages).toEqual((JSON.parse(CASES[4]!.line) as { messages: unknown }).messages);
    expect(invented._reasons).toContainEqual(expect.objectContaining({ code: 'conflicting-answers', warning: true }));
  });

  test('the summary ranks reasons, lists unknown APIs and the worst examples', () => {
    const s: CheckSummary = r.summary;
    expect(s.reasons.slice(0, 3)).toEqual([{ code: 'compile', count: 3 }, { code: 'check:rule', count: 2 }, { code: 'check:syntax', count: 2 }]);
    expect(s.unknownApis).toEqual([{ name: 'L4D2_GetTankHealthPercent', count: 1 }]);
    expect(s.worst[0]).toMatchObject({ line: lineOf(7), score: 0 });
    expect(s.worst).toContainEqual(expect.objectContaining({ line: lineOf(4), score: 3.33 }));
    expect(s.majoritySystem?.share).toBeGreaterThan(0.5);
    const md = r.read('report.md');
    expect(md).toContain('| `check:syntax` | 2 |');
    expect(md).toMatch(/9-10 \| #+ +\d+/);
    expect(md).toContain(`data.jsonl:${lineOf(4)}`);
  });

  test('the input file is left unchanged', () => {
    expect(readFileSync(r.file, 'utf8')).toBe(datasetText());
  });
});

describe('checkFiles options', () => {
  test('--no-inline-reasons keeps rejected lines unchanged and writes a side file', async () => {
    const r = await check(datasetText(), {}, false);
    const rejected = CASES.filter((c) => c.expect !== 'accepted');
    expect(r.read('rejected.jsonl')).toBe(rejected.map((c) => c.line + '\n').join(''));
    const side = r.jsonl('rejected.reasons.jsonl');
    expect(side.map((s) => s.line)).toEqual(CASES.flatMap((c, i) => (c.expect === 'accepted' ? [] : [lineOf(i)])));
  });

  test('a line over the byte limit is rejected without stopping the rest', async () => {
    const text = `${CASES[0]!.line}\n${'x'.repeat(300_000)}\n${CASES[1]!.line}\n`;
    const r = await check(text, { maxLineBytes: 100_000 });
    expect(r.summary).toMatchObject({ lines: 3, accepted: 2, rejected: 1, reasons: [{ code: 'line-too-long', count: 1 }] });
    expect(r.jsonl('rejected.jsonl')[0]).toMatchObject({ _line: 2 });
  });

  test('--rules narrows the rule pack; an unknown id is a usage error', async () => {
    const r = await check(`${CASES[4]!.line}\n`, { rules: ['zombie-class-numbers'] });
    expect(r.summary.reasons.map((x) => x.code)).toEqual(['check:api', 'compile']);
    expect(() => checkSpecsFor(['zombie-class-number'])).toThrow(/did you mean "zombie-class-numbers"/);
  });

  test('--min-score 0 accepts answers that only fail scored checks, not code that does not compile', async () => {
    const ruleOnly = CASES.findIndex((c) => c.note === 'rule violation only');
    const r = await check(`${CASES[ruleOnly]!.line}\n${CASES[5]!.line}\n`, { minScore: 0 });
    expect(r.summary).toMatchObject({ accepted: 1, reasons: [{ code: 'compile', count: 1 }] });
  });

  test('--sample picks the same subset for the same seed, another for another seed', async () => {
    const text = datasetText();
    const lines = async (seed: number) => (await check(text, { sample: 5, seed })).read('report.csv').trim().split('\n').slice(1).map((l) => l.split(',')[1]);
    const a = await lines(7);
    expect(a).toHaveLength(5);
    expect(await lines(7)).toEqual(a);
    expect(await lines(8)).not.toEqual(a);
  });

  test('--to-suite writes accepted prompts as a suite that loads', async () => {
    const r = await check(datasetText(), {}, true, 'suite/data.yaml');
    const { suite } = await loadSuites([path.join(r.dir, 'suite/data.yaml')]);
    expect(suite.cases.map((c) => c.id)).toEqual(['data-1', 'data-2', 'data-3']);
    expect(suite.cases[0]).toMatchObject({ category: 'data/special-infected', prompt: 'Write a plugin that announces when a Tank spawns and shows its health.' });
    expect(suite.cases[0]!.checks.map((c) => c.kind)).toEqual(['syntax', 'rule', 'api']);
    expect(suite.cases[0]!.system).toBe('You are an expert SourceMod plugin developer for Left 4 Dead 2.');
  });
});
