import { describe, expect, it } from 'vitest';
import { junit, renderJunit, xmlEscape } from '../../src/report/junit.js';
import { reporters } from '../../src/report/index.js';
import { makeRun } from '../compare/make-run.js';

// A tiny well-formedness check: one root, every tag closed in order, attributes quoted, no raw `<` or `&`.
function wellFormed(xml: string): boolean {
  const body = xml.replace(/^<\?xml[^?]*\?>\s*/, '');
  const stack: string[] = [];
  const tag = /<(\/?)([A-Za-z][\w-]*)((?:\s+[\w:-]+="[^"<]*")*)\s*(\/?)>|([^<]+)/gy;
  let m: RegExpExecArray | null;
  let roots = 0;
  let pos = 0;
  while (pos < body.length && (m = tag.exec(body)) !== null) {
    pos = tag.lastIndex;
    if (m[5] !== undefined) {
      if (/&(?!(amp|lt|gt|quot|apos);)/.test(m[5])) return false;
      continue;
    }
    if (m[1]) {
      if (stack.pop() !== m[2]) return false;
    } else if (!m[4]) {
      if (stack.length === 0) roots++;
      stack.push(m[2]!);
    } else if (stack.length === 0) roots++;
  }
  return pos === body.length && stack.length === 0 && roots === 1;
}

function count(xml: string, re: RegExp): number {
  return [...xml.matchAll(re)].length;
}

const run = makeRun({
  v1: { a: { score: 9 }, b: { score: 9 } },
  v2: {
    a: { score: 9, category: 'cat/<x>' },
    b: { score: 4, failed: ['rule', 'api'] },
    c: { score: null },
    d: [{ score: 9 }, { score: 3, failed: ['syntax'] }],
    'e"&\u0001': { score: 10 },
  },
});

describe('JUnit XML', () => {
  const xml = renderJunit(run, { models: ['v2'] });

  it('is well-formed XML with testsuites › testsuite › testcase', () => {
    // The checker itself rejects broken documents.
    expect(wellFormed('<a><b></a></b>')).toBe(false);
    expect(wellFormed('<a>x & y</a>')).toBe(false);
    expect(wellFormed('<a/><b/>')).toBe(false);
    expect(wellFormed(xml)).toBe(true);
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<testsuites ')).toBe(true);
    expect(count(xml, /<testsuite /g)).toBe(1);
    expect(count(xml, /<testcase /g)).toBe(5);
  });

  it('counts tests, failures and errors consistently on both levels', () => {
    const suites = /<testsuites [^>]*tests="5" failures="2" errors="1"/;
    expect(xml).toMatch(suites);
    expect(xml).toMatch(/<testsuite name="v2" tests="5" failures="2" errors="1" skipped="0"/);
    expect(count(xml, /<failure /g)).toBe(2);
    expect(count(xml, /<error /g)).toBe(1);
  });

  it('names testcases by category and case id, with failed checks and reasons in failures', () => {
    expect(xml).toContain('<testcase classname="cat/&lt;x&gt;" name="a"');
    expect(xml).toMatch(/<testcase classname="cat\/a" name="b" time="0.100">\n\s+<failure message="1\/1 sample\(s\) failed: rule, api" type="fail">/);
    expect(xml).toContain('rule: rule failed &lt;here&gt; &amp; &quot;there&quot;');
    expect(xml).toMatch(/name="d"[^]*?<failure message="1\/2 sample\(s\) failed: syntax"/);
    expect(xml).toMatch(/name="c"[^]*?<error message="timeout: took too long" type="timeout">/);
  });

  it('escapes and strips characters XML 1.0 cannot hold', () => {
    expect(xml).toContain('name="e&quot;&amp;"');
    expect(xmlEscape('a\u0000b\u0008c\uFFFEd\uD800e\tf')).toBe('abcde\tf');
    expect(xmlEscape(`<'&">`)).toBe('&lt;&apos;&amp;&quot;&gt;');
  });

  it('is in the reporters registry, one testsuite per model', () => {
    expect(reporters.junit).toBe(junit);
    const all = reporters.junit.render(run, {});
    expect(wellFormed(all)).toBe(true);
    expect(count(all, /<testsuite /g)).toBe(2);
    expect(all).toMatch(/<testsuites [^>]*tests="7" failures="2" errors="1"/);
  });
});
