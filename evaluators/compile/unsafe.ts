// Model answers are untrusted input to a compiler: an include must not reach outside the include folders.
import type { EvalInput } from '../core/types.js';
import { ANSWER_FILE } from './types.js';

/** An `#include`/`#tryinclude` refused before compiling, with where it was written. */
export interface UnsafeInclude {
  file: string;
  line: number;
  path: string;
  reason: string;
}

// Line-based on purpose: companions are not parsed, and a directive inside `#if 0` is still refused (safer).
const DIRECTIVE = /^\s*#\s*(include|tryinclude)\b(.*)$/;

/** The path of a directive as the preprocessor sees it: `<x>`, `"x"` or bare (old Pawn style). */
function directiveTarget(rest: string): string {
  const text = rest.trim();
  if (text.startsWith('<')) return text.slice(1).split('>')[0] ?? '';
  if (text.startsWith('"')) return text.slice(1).split('"')[0] ?? '';
  return text.split(/\s|\/\/|\/\*/)[0] ?? '';
}

/** Why an include path is unsafe, or null when it stays inside the include folders. */
export function unsafeReason(target: string): string | null {
  const p = target.trim();
  if (/^[\\/]/.test(p)) return 'an absolute path';
  if (/^[A-Za-z]:/.test(p)) return 'an absolute path';
  if (/^~/.test(p)) return 'a home-relative path';
  if (p.split(/[\\/]+/).some((part) => part === '..')) return 'a path with ".."';
  return null;
}

function scan(file: string, code: string): UnsafeInclude[] {
  const out: UnsafeInclude[] = [];
  code.split(/\r\n?|\n/).forEach((text, i) => {
    const m = DIRECTIVE.exec(text);
    if (!m) return;
    const target = directiveTarget(m[2] ?? '');
    const reason = unsafeReason(target);
    if (reason) out.push({ file, line: i + 1, path: target, reason: `#${m[1]} of ${reason} is refused: "${target}"` });
  });
  return out;
}

/** Includes of absolute paths or paths with `..` in the answer's code and companion files. */
export function unsafeIncludes(input: Pick<EvalInput, 'code'>): UnsafeInclude[] {
  return [
    ...scan(ANSWER_FILE, input.code.main),
    ...input.code.companions.flatMap((c) => scan(c.name, c.code)),
  ];
}
