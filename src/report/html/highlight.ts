// A small SourcePawn tokenizer for the report's syntax highlighting.
// It runs in two places: here (tests, size estimates) and in the browser, where the page
// embeds `tokenizeSourcePawn.toString()`. So the function must stay self-contained:
// no imports, no module-level constants, no nested named functions (bundlers may wrap those).

/** Highlight class of a token: keyword, type, string, comment, number, preprocessor, CONSTANT, function call, plain text. */
export type TokenKind = 'kw' | 'type' | 'str' | 'com' | 'num' | 'pre' | 'const' | 'fn' | 'txt';

/** One token: its kind and its exact source text (joining all texts gives back the input). */
export type Token = [kind: TokenKind, text: string];

/** Splits SourcePawn into highlight tokens; lossless and total (never throws on bad input). */
export function tokenizeSourcePawn(code: string): Token[] {
  const keywords = new Set(
    ('break case const continue decl default delete do else enum for forward function funcenum functag if ' +
      'methodmap native new null property public return sizeof static stock struct switch this typedef typeset ' +
      'view_as while true false operator using').split(' '),
  );
  const types = new Set(
    ('void int float bool char any Float String Handle Action ConVar Event Menu Panel KeyValues StringMap ' +
      'StringMapSnapshot ArrayList ArrayStack DataPack File DirectoryListing Regex TopMenu GlobalForward ' +
      'PrivateForward Plugin GameData DynamicHook DynamicDetour EngineVersion MenuAction MenuStyle AdminId ' +
      'GroupId ReplySource Timer DataPackPos EventHookMode').split(' '),
  );
  const numberRe = /0[xX][0-9a-fA-F_]+|0[bB][01_]+|[0-9][0-9_]*(?:\.[0-9_]+)?(?:[eE][+-]?[0-9]+)?/y;
  const wordRe = /[A-Za-z_][A-Za-z0-9_]*/y;
  const out: Token[] = [];
  const n = code.length;
  let i = 0;
  // True while only blanks follow the last newline: `#` there starts a directive.
  let lineStart = true;
  while (i < n) {
    const ch = code.charAt(i);
    const next = code.charAt(i + 1);
    let kind: TokenKind = 'txt';
    let end = i + 1;
    if (ch === '/' && next === '/') {
      kind = 'com';
      end = code.indexOf('\n', i);
      if (end < 0) end = n;
    } else if (ch === '/' && next === '*') {
      kind = 'com';
      end = code.indexOf('*/', i + 2);
      end = end < 0 ? n : end + 2;
    } else if (ch === '#' && lineStart) {
      kind = 'pre';
      end = i;
      // A backslash before the newline continues the directive on the next line.
      for (;;) {
        const nl = code.indexOf('\n', end);
        if (nl < 0) {
          end = n;
          break;
        }
        if (code.charAt(nl - 1) === '\\' || (code.charAt(nl - 1) === '\r' && code.charAt(nl - 2) === '\\')) {
          end = nl + 1;
          continue;
        }
        end = code.charAt(nl - 1) === '\r' ? nl - 1 : nl;
        break;
      }
    } else if (ch === '"' || ch === "'") {
      kind = 'str';
      let j = i + 1;
      while (j < n) {
        const c = code.charAt(j);
        if (c === '\\') j += 2;
        else if (c === ch) {
          j += 1;
          break;
        } else if (c === '\n') break;
        else j += 1;
      }
      end = Math.min(j, n);
    } else if (ch >= '0' && ch <= '9') {
      numberRe.lastIndex = i;
      const m = numberRe.exec(code);
      kind = 'num';
      end = i + (m ? m[0].length : 1);
    } else if (/[A-Za-z_]/.test(ch)) {
      wordRe.lastIndex = i;
      const m = wordRe.exec(code);
      const word = m ? m[0] : ch;
      end = i + word.length;
      let k = end;
      while (code.charAt(k) === ' ' || code.charAt(k) === '\t') k += 1;
      if (keywords.has(word)) kind = 'kw';
      else if (types.has(word)) kind = 'type';
      else if (code.charAt(k) === '(') kind = 'fn';
      else if (word.length > 1 && /^[A-Z][A-Z0-9_]*$/.test(word)) kind = 'const';
    }
    const text = code.slice(i, end);
    if (kind === 'txt') {
      if (ch === '\n') lineStart = true;
      else if (ch !== ' ' && ch !== '\t' && ch !== '\r') lineStart = false;
    } else lineStart = false;
    const last = out[out.length - 1];
    // Merge plain runs so the browser creates fewer text nodes.
    if (kind === 'txt' && last && last[0] === 'txt') last[1] += text;
    else out.push([kind, text]);
    i = end;
  }
  return out;
}
