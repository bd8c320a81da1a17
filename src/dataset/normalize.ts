// Normal forms for duplicate detection: code as tokens without comments or layout; prompts folded.
import { createHash } from 'node:crypto';

/** Identifiers, numbers, whole string literals (their spaces matter), then any other single character. */
const TOKEN = /[A-Za-z_][A-Za-z0-9_]*|\d+(?:\.\d+)?|"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'|\S/g;

/** Replaces comments by a space, leaving string literals intact. */
export function stripComments(code: string): string {
  let out = '';
  let from = 0;
  let i = 0;
  const n = code.length;
  while (i < n) {
    const c = code.charCodeAt(i);
    if (c === 0x22 || c === 0x27) {
      // Skip over the literal so a "//" inside it is not taken for a comment.
      let j = i + 1;
      while (j < n && code.charCodeAt(j) !== c && code[j] !== '\n') j += code[j] === '\\' ? 2 : 1;
      i = j + 1;
    } else if (c === 0x2f && code[i + 1] === '/') {
      out += code.slice(from, i) + ' ';
      const end = code.indexOf('\n', i);
      i = from = end === -1 ? n : end;
    } else if (c === 0x2f && code[i + 1] === '*') {
      out += code.slice(from, i) + ' ';
      const end = code.indexOf('*/', i + 2);
      i = from = end === -1 ? n : end + 2;
    } else i++;
  }
  return out + code.slice(from);
}

/** The code's tokens, comments and whitespace removed: the basis of exact and near duplicate checks. */
export function codeTokens(code: string): string[] {
  return stripComments(code).match(TOKEN) ?? [];
}

/** Prompts are compared case-insensitively with runs of whitespace folded. */
export function normalizePrompt(prompt: string): string {
  return prompt.trim().replace(/\s+/g, ' ').toLowerCase();
}

/** A short stable hash (hex; 128 bits is plenty to tell examples apart). */
export function hashText(text: string): string {
  return createHash('sha1').update(text).digest('hex').slice(0, 32);
}

/** Hash of code in normal form: equal for answers that differ only in comments and layout. */
export function codeHash(tokens: readonly string[]): string {
  return hashText(tokens.join(' '));
}
