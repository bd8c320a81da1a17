// JUnit XML for CI systems: one <testsuite> per model, one <testcase> per case (classname = category).
import type { ItemResult, RunResult } from '../types/run.js';
import type { ReportOptions, Reporter } from './types.js';

// Characters XML 1.0 forbids even when escaped (control codes, lone surrogates, U+FFFE/U+FFFF).
const ILLEGAL = /[^\x09\x0A\x0D\x20-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** Escapes text for XML attributes and content and drops characters XML 1.0 cannot hold. */
export function xmlEscape(value: unknown): string {
  return String(value ?? '')
    .replace(ILLEGAL, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

const seconds = (ms: number): string => (ms / 1000).toFixed(3);

/** Options of the JUnit renderer. */
export interface JunitOptions {
  /** Only these model labels (e.g. the gate's candidate); default all. */
  models?: string[];
}

/** Text of one failing sample: its score, failed checks with reasons, and syntax errors with positions. */
function failureText(it: ItemResult, passScore: number): string {
  const lines = [`sample ${it.sample}: score ${it.score?.toFixed(2) ?? 'n/a'} (pass score ${passScore})`];
  for (const c of it.checks.filter((x) => x.status === 'fail')) {
    lines.push(`  ${c.required ? '[required] ' : ''}${c.id}: ${c.reason}`);
    for (const l of c.locations ?? []) lines.push(`    line ${l.line}:${l.column}: ${l.message}`);
  }
  for (const e of it.syntax?.errors ?? []) lines.push(`  syntax line ${e.line}:${e.column}: ${e.message}`);
  return lines.join('\n');
}

function testcase(caseId: string, category: string, items: ItemResult[], passScore: number): { xml: string; failed: boolean; errored: boolean } {
  const time = seconds(items.reduce((s, i) => s + i.latencyMs, 0));
  const open = `    <testcase classname="${xmlEscape(category)}" name="${xmlEscape(caseId)}" time="${time}"`;
  const failing = items.filter((i) => i.status === 'fail');
  const errors = items.filter((i) => i.status === 'error');
  if (failing.length > 0) {
    const checks = [...new Set(failing.flatMap((i) => i.checks.filter((c) => c.status === 'fail').map((c) => c.id)))];
    const message = `${failing.length}/${items.length} sample(s) failed${checks.length ? `: ${checks.join(', ')}` : ''}`;
    const body = failing.map((i) => failureText(i, passScore)).join('\n');
    return { xml: `${open}>\n      <failure message="${xmlEscape(message)}" type="fail">${xmlEscape(body)}</failure>\n    </testcase>`, failed: true, errored: false };
  }
  if (errors.length > 0) {
    const e = errors[0]!.error;
    const message = e ? `${e.code}: ${e.message}` : 'error';
    return { xml: `${open}>\n      <error message="${xmlEscape(message)}" type="${xmlEscape(e?.code ?? 'error')}">${xmlEscape(errors.map((i) => `sample ${i.sample}: ${i.error?.code ?? 'error'}: ${i.error?.message ?? ''}`).join('\n'))}</error>\n    </testcase>`, failed: false, errored: true };
  }
  return { xml: `${open}/>`, failed: false, errored: false };
}

/** Renders JUnit XML: `<testsuites>` › `<testsuite name=model>` › `<testcase classname=category name=case>`. */
export function renderJunit(run: RunResult, options: JunitOptions = {}): string {
  const models = run.models.filter((m) => !options.models || options.models.includes(m.label));
  const totals = { tests: 0, failures: 0, errors: 0, time: 0 };
  const suites = models.map((m) => {
    const mine = run.items.filter((i) => i.model === m.label);
    const caseIds = [...new Set([...run.cases.map((c) => c.id), ...mine.map((i) => i.caseId)])].filter((id) => mine.some((i) => i.caseId === id));
    const cases = caseIds.map((id) => {
      const items = mine.filter((i) => i.caseId === id).sort((a, b) => a.sample - b.sample);
      return testcase(id, items[0]!.category, items, run.suite.passScore);
    });
    const s = { tests: cases.length, failures: cases.filter((c) => c.failed).length, errors: cases.filter((c) => c.errored).length, time: mine.reduce((t, i) => t + i.latencyMs, 0) };
    totals.tests += s.tests;
    totals.failures += s.failures;
    totals.errors += s.errors;
    totals.time += s.time;
    return [
      `  <testsuite name="${xmlEscape(m.label)}" tests="${s.tests}" failures="${s.failures}" errors="${s.errors}" skipped="0" time="${seconds(s.time)}" timestamp="${xmlEscape(run.startedAt.replace(/Z$/, ''))}">`,
      '    <properties>',
      `      <property name="modelId" value="${xmlEscape(m.modelId)}"/>`,
      `      <property name="suite" value="${xmlEscape(run.suite.name)}"/>`,
      `      <property name="runId" value="${xmlEscape(run.runId)}"/>`,
      '    </properties>',
      ...cases.map((c) => c.xml),
      '  </testsuite>',
    ].join('\n');
  });
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="${xmlEscape(run.suite.name)}" tests="${totals.tests}" failures="${totals.failures}" errors="${totals.errors}" time="${seconds(totals.time)}">`,
    ...suites,
    '</testsuites>',
    '',
  ].join('\n');
}

/** JUnit XML reporter (every model of the run, one testsuite each). */
export const junit = {
  name: 'junit',
  extension: 'xml',
  file: 'junit.xml',
  description: 'JUnit XML for CI: one testsuite per model, one testcase per case with failed checks',
  render: (run: RunResult, _options?: ReportOptions) => renderJunit(run),
} satisfies Reporter;
