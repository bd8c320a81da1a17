// The build precompiles the shipped templates; a report rendered from them must be the report Handlebars compiles
// from the same files at run time (a user's template folder holding copies takes the compile path).
import { cpSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { packagePath } from '../../src/core/paths.js';
import { renderCompareMarkdown } from '../../src/compare/render/markdown.js';
import { compareRun } from '../../src/analysis/compare.js';
import { renderHtml } from '../../src/report/html/page.js';
import { renderMarkdown } from '../../src/report/markdown.js';
import { precompiledSpec } from '../../src/report/precompiled.js';
import { makeRunResult } from '../fixtures/run-result.js';

const shipped = packagePath('reports', 'templates');

describe('precompiled report templates', () => {
  it('are used for the shipped, unchanged files only', () => {
    const main = path.join(shipped, 'report.md.hbs');
    const text = readFileSync(main, 'utf8');
    expect(precompiledSpec(main, text, 'markdown')).toBeDefined();
    expect(precompiledSpec(path.join(shipped, 'partials', 'html-cases.hbs'), readFileSync(path.join(shipped, 'partials', 'html-cases.hbs'), 'utf8'), 'html')).toBeDefined();
    // A changed text (a checkout edited after its build) or a file of the user's folder is compiled.
    expect(precompiledSpec(main, `${text}\n`, 'markdown')).toBeUndefined();
    const copy = mkdtempSync(path.join(tmpdir(), 'l4d2-tpl-'));
    cpSync(shipped, copy, { recursive: true });
    expect(precompiledSpec(path.join(copy, 'report.md.hbs'), text, 'markdown')).toBeUndefined();
  });

  it('render exactly what compiling the same templates renders (Markdown, HTML, comparison)', () => {
    const copy = mkdtempSync(path.join(tmpdir(), 'l4d2-tpl-'));
    cpSync(shipped, copy, { recursive: true });
    const run = makeRunResult();
    expect(renderMarkdown(run)).toBe(renderMarkdown(run, { templateDir: copy }));
    expect(renderHtml(run)).toBe(renderHtml(run, { templateDir: copy }));
    const c = compareRun(run);
    expect(renderCompareMarkdown(c)).toBe(renderCompareMarkdown(c, { templateDir: copy }));
  });
});
