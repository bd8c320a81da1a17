// Syntax errors from the tree-sitter parse, worded the way spcomp words them.
import { syntaxErrors } from '../../core/syntax-errors.js';
import type { EvalInput } from '../../core/types.js';
import type { Diagnostic } from '../types.js';

/** A diagnostic of the main file (static check: no column in spcomp's header either). */
export function diag(file: string, line: number, code: number, message: string, column?: number): Diagnostic {
  // The message is the text after `error NNN:`, as parsed from spcomp's output, so both modes read alike.
  const d: Diagnostic = { severity: 'error', code, file, line, message };
  if (column !== undefined) d.column = column;
  return d;
}

/** The token that starts at or after (line, column) (1-based), skipping blanks and comments, as spcomp quotes it. */
export function tokenAt(source: string, line: number, column: number): string {
  const lines = source.split('\n');
  let rest = (lines[line - 1] ?? '').slice(column - 1) + '\n' + lines.slice(line).join('\n');
  for (;;) {
    rest = rest.replace(/^\s+/, '');
    if (rest.startsWith('//')) rest = rest.replace(/^\/\/[^\n]*/, '');
    else if (rest.startsWith('/*')) rest = rest.replace(/^\/\*[\s\S]*?(\*\/|$)/, '');
    else break;
  }
  if (rest === '') return '-end of file-';
  return /^[A-Za-z_]\w*|^\d[\w.]*|^\S/.exec(rest)![0];
}

/** Line of the first `{` left open at the end of the file (strings and comments skipped), or null. */
export function unclosedBrace(source: string): number | null {
  const open: number[] = [];
  let line = 1;
  for (let i = 0; i < source.length; i++) {
    const ch = source[i];
    if (ch === '\n') line++;
    else if (ch === '/' && source[i + 1] === '/') while (i + 1 < source.length && source[i + 1] !== '\n') i++;
    else if (ch === '/' && source[i + 1] === '*') {
      const end = source.indexOf('*/', i + 2);
      const stop = end < 0 ? source.length : end + 1;
      for (let j = i; j < stop; j++) if (source[j] === '\n') line++;
      i = stop;
    } else if (ch === '"' || ch === "'") {
      for (i++; i < source.length && source[i] !== ch && source[i] !== '\n'; i++) if (source[i] === '\\') i++;
      if (source[i] === '\n') line++;
    } else if (ch === '{') open.push(line);
    else if (ch === '}') open.pop();
  }
  return open[0] ?? null;
}

/** spcomp-like syntax diagnostics. A missing `;` only counts under `#pragma semicolon 1`, as in spcomp. */
export function syntaxDiagnostics(input: EvalInput, file: string): Diagnostic[] {
  const source = input.code.main;
  const semicolons = /^\s*#pragma\s+semicolon\s+1\b/m.test(source);
  const out: Diagnostic[] = [];
  let unclosedReported = false;
  const lastLine = source.replace(/\s+$/, '').split('\n').length;
  const open = unclosedBrace(source);
  if (open !== null) {
    // An unclosed `{` (often a truncated answer) is what spcomp reports; the parser's ERROR nodes follow from it.
    out.push(diag(file, lastLine, 30, `compound statement not closed at the end of file (started at line ${open})`));
    unclosedReported = true;
  }
  for (const e of syntaxErrors(input)) {
    if (open !== null && !e.message.startsWith('missing') ) continue;
    const missing = /^missing "(.*)"$/.exec(e.message);
    if (missing) {
      const token = missing[1]!;
      if (token === ';' && !semicolons) continue;
      if (token === '}' && open !== null) continue;
      if (open !== null && tokenAt(source, e.line, e.column) === '-end of file-') {
        if (!unclosedReported) out.push(diag(file, e.line, 30, `compound statement not closed at the end of file (started at line ${open})`));
        unclosedReported = true;
        continue;
      }
      out.push(diag(file, e.line, 1, `expected token: "${token}", but found "${tokenAt(source, e.line, e.column)}"`, e.column));
      continue;
    }
    if (e.message === 'unexpected end of input') {
      if (open !== null && !unclosedReported) {
        out.push(diag(file, e.line, 30, `compound statement not closed at the end of file (started at line ${open})`));
        unclosedReported = true;
      } else if (open === null) out.push(diag(file, e.line, 1, 'expected token: ";", but found "-end of file-"'));
      continue;
    }
    out.push(diag(file, e.line, 29, 'invalid expression, assumed zero', e.column));
  }
  return out;
}
