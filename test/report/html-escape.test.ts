import { describe, expect, it } from 'vitest';
import { escapeHtml, jsonForScript } from '../../src/report/html/escape.js';

describe('escapeHtml', () => {
  it('escapes the five HTML-significant characters', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;');
  });

  it('turns hostile markup into inert text', () => {
    const out = escapeHtml('</script><script>alert(1)</script><img src=x onerror=alert(1)>');
    expect(out).not.toMatch(/[<>]/);
    expect(out).toBe('&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;');
  });

  it('prints null and undefined as empty text and numbers as text', () => {
    expect(escapeHtml(null)).toBe('');
    expect(escapeHtml(undefined)).toBe('');
    expect(escapeHtml(7.5)).toBe('7.5');
  });
});

describe('jsonForScript', () => {
  const hostile = {
    answer: '</script><script>alert(1)</script>',
    code: '<!-- x --> & <img src=x onerror=alert(1)>',
    seps: 'a\u2028b\u2029c',
  };

  it('contains no character that could end or comment a script block', () => {
    const out = jsonForScript(hostile);
    expect(out).not.toMatch(/[<>&\u2028\u2029]/);
    expect(out).toContain('\\u003c/script\\u003e');
  });

  it('parses back to exactly the original data', () => {
    expect(JSON.parse(jsonForScript(hostile))).toEqual(hostile);
    const nested = { list: [1, null, 'x<y'], n: { deep: '</SCRIPT >' } };
    expect(JSON.parse(jsonForScript(nested))).toEqual(nested);
  });
});
