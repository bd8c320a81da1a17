import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tokenizeSourcePawn, type Token, type TokenKind } from '../../src/report/html/highlight.js';
import { pageScript } from '../../src/report/html/page.js';

const ROOT = path.resolve(import.meta.dirname, '../..');

/** Non-blank tokens of one kind, in order. */
function ofKind(tokens: Token[], kind: TokenKind): string[] {
  return tokens.filter(([k]) => k === kind).map(([, t]) => t);
}

describe('tokenizeSourcePawn', () => {
  const code = [
    '#pragma semicolon 1',
    '#include <sourcemod>',
    '#define MSG "tank \\"big\\"" // note',
    '',
    '/* block',
    '   comment */',
    'public void OnPluginStart()',
    '{',
    '    int hp = 0x1F + 2.5e3 + 40;',
    '    char name[MAX_NAME_LENGTH];',
    "    char c = 'x';",
    '    HookEvent("tank_spawn", Event_Tank); // hook',
    '    if (hp > 0) return;',
    '}',
  ].join('\n');
  const tokens = tokenizeSourcePawn(code);

  it('is lossless: joining the token texts gives back the input', () => {
    expect(tokens.map(([, t]) => t).join('')).toBe(code);
  });

  it('classifies preprocessor lines, comments, strings and numbers', () => {
    expect(ofKind(tokens, 'pre')).toEqual(['#pragma semicolon 1', '#include <sourcemod>', '#define MSG "tank \\"big\\"" // note']);
    expect(ofKind(tokens, 'com')).toEqual(['/* block\n   comment */', '// hook']);
    expect(ofKind(tokens, 'str')).toEqual(["'x'", '"tank_spawn"']);
    expect(ofKind(tokens, 'num')).toEqual(['0x1F', '2.5e3', '40', '0']);
  });

  it('classifies keywords, types, constants and called functions', () => {
    expect(ofKind(tokens, 'kw')).toEqual(['public', 'if', 'return']);
    expect(ofKind(tokens, 'type')).toEqual(['void', 'int', 'char', 'char']);
    expect(ofKind(tokens, 'const')).toEqual(['MAX_NAME_LENGTH']);
    expect(ofKind(tokens, 'fn')).toEqual(['OnPluginStart', 'HookEvent']);
  });

  it('does not treat a # inside a line as a directive, and survives unterminated input', () => {
    const odd = tokenizeSourcePawn('x = a # b;\n"open string\n/* never closed');
    expect(ofKind(odd, 'pre')).toEqual([]);
    expect(ofKind(odd, 'str')).toEqual(['"open string']);
    expect(ofKind(odd, 'com')).toEqual(['/* never closed']);
  });

  it('is lossless on every recorded answer', () => {
    const dir = path.join(ROOT, 'fixtures/responses/v1');
    const files = readdirSync(dir).filter((f) => f.endsWith('.md'));
    expect(files.length).toBeGreaterThan(10);
    for (const f of files) {
      const text = readFileSync(path.join(dir, f), 'utf8');
      expect(tokenizeSourcePawn(text).map(([, t]) => t).join(''), f).toBe(text);
    }
  });

  it('is embedded in the page script as working, self-contained source', () => {
    const script = pageScript();
    const start = script.indexOf('const tokenizeSourcePawn = ');
    const end = script.indexOf(';\n', script.indexOf('\n}', start));
    const source = script.slice(start + 'const tokenizeSourcePawn = '.length, end);
    // Evaluated with no access to this module's scope, as in the browser.
    const embedded = new Function(`return (${source});`)() as typeof tokenizeSourcePawn;
    expect(embedded(code)).toEqual(tokens);
  });
});
