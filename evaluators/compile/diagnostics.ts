// Parses what spcomp prints into Diagnostics: header lines, the caret line for the column, the summary counts.
import type { Diagnostic } from './types.js';

/** How file names in spcomp's output map back: the temp folder's files to answer names, the rest kept. */
export interface FileMapper {
  (file: string): string;
}

/** Diagnostics plus spcomp's own summary counts (null when it printed none). */
export interface ParsedOutput {
  diagnostics: Diagnostic[];
  summaryErrors: number | null;
  summaryWarnings: number | null;
}

// `<path>(<line>) : error 017: message`; older compilers say `fatal error NNN`; a missing main file has no location.
const HEADER = /^(?:(.+?)\((\d+)\) : )?(fatal error|error|warning) (\d+): (.*)$/;
const CARET = /^(-*)\^\s*$/;
const SUMMARY = /^(\d+) (Errors?|Warnings?)\.\s*$/;
// The echoed source line is `%6d | code`: 9 characters before the code, so the caret's dashes minus 9 is the 0-based column.
const ECHO_PREFIX = 9;

/** Severity from the header word; the code ranges (1–199 and 400+ errors, 200–299 warnings) decide when the word is unusual. */
export function severityOf(word: string, code: number): Diagnostic['severity'] {
  if (word === 'fatal error') return 'fatal';
  if (word === 'warning') return 'warning';
  if (word === 'error') return 'error';
  return code >= 200 && code < 300 ? 'warning' : 'error';
}

/** Parses spcomp output; `mapFile` renames files (e.g. the temp folder's `plugin.sp`). */
export function parseSpcompOutput(raw: string, mapFile: FileMapper = (f) => f): ParsedOutput {
  const diagnostics: Diagnostic[] = [];
  let summaryErrors: number | null = null;
  let summaryWarnings: number | null = null;
  let last: Diagnostic | null = null;
  for (const line of raw.split(/\r?\n/)) {
    const h = HEADER.exec(line);
    if (h) {
      const code = Number(h[4]);
      last = {
        severity: severityOf(h[3] ?? 'error', code),
        code,
        file: mapFile(h[1] ?? ''),
        line: h[2] === undefined ? null : Number(h[2]),
        column: null,
        message: (h[5] ?? '').trim(),
      };
      diagnostics.push(last);
      continue;
    }
    const caret = CARET.exec(line);
    if (caret && last && last.column === null) {
      const dashes = caret[1]?.length ?? 0;
      // Stored 1-based like every other location in the harness.
      last.column = dashes >= ECHO_PREFIX ? dashes - ECHO_PREFIX + 1 : null;
      continue;
    }
    const s = SUMMARY.exec(line);
    if (s) {
      if (s[2]?.startsWith('Error')) summaryErrors = Number(s[1]);
      else summaryWarnings = Number(s[1]);
    }
  }
  return { diagnostics, summaryErrors, summaryWarnings };
}

/** Error and warning counts: the larger of what was parsed and what spcomp's summary says (output may be cut). */
export function countDiagnostics(parsed: ParsedOutput): { errors: number; warnings: number } {
  const errors = parsed.diagnostics.filter((d) => d.severity !== 'warning').length;
  const warnings = parsed.diagnostics.length - errors;
  return { errors: Math.max(errors, parsed.summaryErrors ?? 0), warnings: Math.max(warnings, parsed.summaryWarnings ?? 0) };
}

/** `plugin.sp(5) : error 017: …` style line for a linter-like listing. */
export function formatDiagnostic(d: Diagnostic, file = d.file): string {
  const where = d.line === null ? file : `${file}:${d.line}`;
  const kind = d.severity === 'fatal' ? 'fatal error' : d.severity;
  const code = d.code === null ? '' : ` ${String(d.code).padStart(3, '0')}`;
  return `${where}: ${kind}${code}: ${d.message}`;
}
