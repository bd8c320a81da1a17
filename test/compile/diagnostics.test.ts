import { describe, expect, it } from 'vitest';
import { countDiagnostics, formatDiagnostic, parseSpcompOutput } from '../../evaluators/compile/diagnostics.js';
import { compileFigures, diagnosticPattern } from '../../src/score/compile-stats.js';
import { unsafeIncludes, unsafeReason } from '../../evaluators/compile/unsafe.js';
import { safeFileName } from '../../evaluators/compile/workspace.js';
import { extractCode } from '../../evaluators/core/extract.js';

const OUTPUT = `SourcePawn Compiler 1.12
Copyright (c) 1997-2006 ITB CompuPhase
Copyright (c) 2004-2021 AlliedModders LLC

/tmp/x/include/left4dhooks.inc(1148) : error 450: no viable conversion from "int" to "char[8]"
  1148 |     char buf[8] = 5;
----------------------^

plugin.sp(5) : error 017: undefined symbol "undefinedVar"
     5 |         PrintToServer("%d", undefinedVar);
-------------------------------------^

plugin.sp(9) : warning 203: symbol is never used: "unused"
     9 | int unused;
---------^

2 Errors.
1 Warning.
`;

describe('parseSpcompOutput', () => {
  it('parses headers, caret columns (dashes − 9, stored 1-based), include paths and summary counts', () => {
    const p = parseSpcompOutput(OUTPUT, (f) => (f === 'plugin.sp' ? 'plugin.sp' : f));
    expect(p.diagnostics).toEqual([
      { severity: 'error', code: 450, file: '/tmp/x/include/left4dhooks.inc', line: 1148, column: 14, message: 'no viable conversion from "int" to "char[8]"' },
      { severity: 'error', code: 17, file: 'plugin.sp', line: 5, column: 29, message: 'undefined symbol "undefinedVar"' },
      { severity: 'warning', code: 203, file: 'plugin.sp', line: 9, column: 1, message: 'symbol is never used: "unused"' },
    ]);
    expect(p.summaryErrors).toBe(2);
    expect(p.summaryWarnings).toBe(1);
    expect(countDiagnostics(p)).toEqual({ errors: 2, warnings: 1 });
  });

  it('accepts `fatal error` of older compilers and messages without a location', () => {
    const p = parseSpcompOutput('old.sp(3) : fatal error 120: cannot read from file: "x"\nerror 417: cannot read from file: "missing.sp"\n\n1 Error.\n');
    expect(p.diagnostics.map((d) => [d.severity, d.code, d.line])).toEqual([['fatal', 120, 3], ['error', 417, null]]);
  });

  it('trusts the summary when the output was cut before all diagnostics', () => {
    expect(countDiagnostics(parseSpcompOutput('a.sp(1) : error 001: expected token: ";", but found "if"\n'))).toEqual({ errors: 1, warnings: 0 });
    expect(countDiagnostics({ diagnostics: [], summaryErrors: 40, summaryWarnings: null })).toEqual({ errors: 40, warnings: 0 });
  });

  it('formats a diagnostic like a linter', () => {
    expect(formatDiagnostic({ severity: 'error', code: 17, file: 'plugin.sp', line: 5, message: 'undefined symbol "X"' }, 'a.sp')).toBe('a.sp:5: error 017: undefined symbol "X"');
  });
});

describe('unsafe includes', () => {
  it('refuses absolute, drive, UNC, home and ".." paths; accepts ordinary names', () => {
    for (const p of ['/etc/passwd', 'C:\\x\\y', 'c:/x', '\\\\server\\share', '~/x', '../x', 'a/../../b', 'a\\..\\b']) expect(unsafeReason(p), p).not.toBeNull();
    for (const p of ['sourcemod', 'left4dhooks.inc', 'sub/dir/file', 'my..lib', 'x.inc']) expect(unsafeReason(p), p).toBeNull();
  });

  it('finds refused directives in the main code and companions, with lines', () => {
    const answer = '```sp\n#include <sourcemod>\n  #  tryinclude "../x"\n#include /etc/passwd\n```\n\nevil.inc\n```sp\n#include "C:\\\\boot.ini"\n```\n';
    expect(unsafeIncludes({ code: extractCode(answer) }).map((u) => [u.file, u.line, u.path])).toEqual([
      ['plugin.sp', 2, '../x'],
      ['plugin.sp', 3, '/etc/passwd'],
      ['evil.inc', 1, 'C:\\\\boot.ini'],
    ]);
  });

  it('sanitises companion file names to a plain basename', () => {
    expect(safeFileName('../../etc/evil.inc', 0)).toBe('evil.inc');
    expect(safeFileName('my lib$.inc', 0)).toBe('my_lib_.inc');
    expect(safeFileName('..', 2)).toBe('companion3.inc');
    expect(safeFileName('plugin.sp', 0)).toBe('companion_plugin.sp');
  });
});

describe('compileFigures', () => {
  const d = (message: string, code = 17) => ({ severity: 'error' as const, code, file: 'plugin.sp', line: 1, message });
  it('rates compiles without compiler problems and ranks diagnostic patterns', () => {
    const f = compileFigures([
      { caseId: 'a', compile: { ok: true, mode: 'spcomp', errors: 0, warnings: 0, diagnostics: [], version: '1.12' } },
      { caseId: 'b', compile: { ok: false, mode: 'spcomp', errors: 2, warnings: 0, diagnostics: [d('undefined symbol "A"'), d('undefined symbol "B"')] } },
      { caseId: 'c', compile: { ok: false, mode: 'spcomp', errors: 1, warnings: 0, diagnostics: [d('compound statement not closed at the end of file (started at line 4)', 30)] } },
      { caseId: 'd', compile: { ok: false, mode: 'spcomp', errors: 0, warnings: 0, diagnostics: [], problem: 'timed out' } },
      { caseId: 'e' },
    ]);
    expect(f.compileRate).toBeCloseTo(1 / 3);
    expect(f.compileMode).toBe('spcomp');
    expect(f.compilerVersion).toBe('1.12');
    expect(f.topDiagnostics[0]).toEqual({ severity: 'error', code: 17, pattern: 'undefined symbol "…"', count: 2, cases: ['b'] });
    expect(f.topDiagnostics[1]?.pattern).toBe('compound statement not closed at the end of file (started at line N)');
    expect(compileFigures([{ caseId: 'x', compile: { ok: true, mode: 'static', errors: 0, warnings: 0, diagnostics: [] } }, { caseId: 'y', compile: { ok: true, mode: 'spcomp', errors: 0, warnings: 0, diagnostics: [] } }]).compileMode).toBe('mixed');
    expect(diagnosticPattern("tag mismatch (expected 'int', got 'float')")).toBe('tag mismatch (expected "…", got "…")');
  });
});
