import { describe, expect, it } from 'vitest';
import { extractCode } from '../../evaluators/core/extract.js';

const plugin = `#include <sourcemod>
public void OnPluginStart()
{
	PrintToServer("loaded");
}`;

const fenced = (lang: string, code: string, fence = '```') => `${fence}${lang}\n${code}\n${fence}`;

describe('extractCode', () => {
  it.each(['sourcepawn', 'sp', 'c', 'cpp', ''])('takes a fenced %s block', (lang) => {
    const out = extractCode(`Here you go:\n\n${fenced(lang, plugin)}\n\nEnjoy.`);
    expect(out).toMatchObject({ main: plugin, found: 'fenced', startLine: 4, companions: [], warnings: [] });
  });

  it('accepts tilde fences and an upper-case label', () => {
    expect(extractCode(fenced('SourcePawn', plugin, '~~~')).main).toBe(plugin);
  });

  it('ignores blocks in other languages', () => {
    const answer = `${fenced('bash', 'cp plugin.smx addons/sourcemod/plugins/')}\n\n${fenced('sourcepawn', plugin)}`;
    const out = extractCode(answer);
    expect(out.main).toBe(plugin);
    expect(out.companions).toEqual([]);
  });

  it('takes bare code as the whole answer', () => {
    const out = extractCode(plugin);
    expect(out).toMatchObject({ main: plugin, found: 'bare', startLine: 1 });
  });

  it('finds nothing in prose only', () => {
    const out = extractCode('To make tanks stronger, raise z_tank_health in server.cfg. No plugin is needed.');
    expect(out).toMatchObject({ main: '', found: 'none', companions: [] });
  });

  it('finds nothing when the only fenced blocks are not code', () => {
    expect(extractCode(fenced('text', 'sm plugins reload tank_hp')).found).toBe('none');
  });

  it('picks the plugin among several blocks and keeps companions with their file names', () => {
    const inc = '#if defined _tank_util_included\n #endinput\n#endif\n#define _tank_util_included\nnative int Tank_GetCount();';
    const snippet = 'int count = Tank_GetCount();';
    const answer = [
      'First the include, save it as **tank_util.inc**:',
      fenced('sourcepawn', inc),
      'Then the plugin `l4d2_tank.sp`:',
      fenced('sourcepawn', plugin),
      'Usage:',
      fenced('c', snippet),
    ].join('\n');
    const out = extractCode(answer);
    expect(out.main).toBe(plugin);
    expect(out.startLine).toBe(11);
    expect(out.companions).toHaveLength(2);
    expect(out.companions[0]).toEqual({ name: 'tank_util.inc', code: inc, lang: 'sourcepawn' });
    expect(out.companions[1]).toMatchObject({ code: snippet, lang: 'c' });
    expect(out.companions[1]?.name).toMatch(/\.inc$/);
  });

  it('picks the longest block when none looks like a plugin', () => {
    const short = 'int a = 1;';
    const long = 'stock bool IsTank(int client)\n{\n\treturn GetEntProp(client, Prop_Send, "m_zombieClass") == 8;\n}';
    const out = extractCode(`${fenced('sp', short)}\n${fenced('sp', long)}`);
    expect(out.main).toBe(long);
    expect(out.companions.map((c) => c.code)).toEqual([short]);
  });

  it('warns on an unterminated fence and keeps the code up to the end', () => {
    const out = extractCode(`Plugin:\n\`\`\`sourcepawn\n${plugin}\n\tCreateTimer(1.0`);
    expect(out.found).toBe('fenced');
    expect(out.main).toBe(`${plugin}\n\tCreateTimer(1.0`);
    expect(out.warnings).toEqual(['unterminated code fence: the answer looks truncated']);
  });

  it('normalises \\r\\n line endings', () => {
    const out = extractCode(`Code:\r\n${fenced('sourcepawn', plugin)}\r\n`.replace(/\n/g, '\r\n').replace(/\r\r/g, '\r'));
    expect(out.main).toBe(plugin);
    expect(out.main).not.toContain('\r');
    expect(out.startLine).toBe(3);
  });

  it('does not close a four-backtick fence on three backticks', () => {
    const inner = `// example\n\`\`\`\n${plugin}`;
    const out = extractCode(fenced('sourcepawn', inner, '````'));
    expect(out.main).toBe(inner);
    expect(out.warnings).toEqual([]);
  });

  it('takes a fence inside a list item', () => {
    const answer = `1. Create the file:\n   \`\`\`sourcepawn\n   ${plugin.split('\n').join('\n   ')}\n   \`\`\`\n2. Compile it.`;
    const out = extractCode(answer);
    expect(out.found).toBe('fenced');
    expect(out.main).toContain('public void OnPluginStart()');
    expect(out.main).not.toContain('Compile it');
  });
});

describe('extractCode file names', () => {
  it('finds a file name written above the fence after a blank line', () => {
    const inc = '#define TANK_CLASS 8\nnative int Tank_GetCount();';
    const answer = `### \`l4d2_tank_util.inc\`\n\n${fenced('sourcepawn', inc)}\n\n### \`l4d2_tank.sp\`\n\n${fenced('sourcepawn', plugin)}`;
    const out = extractCode(answer);
    expect(out.main).toBe(plugin);
    expect(out.companions).toEqual([{ name: 'l4d2_tank_util.inc', code: inc, lang: 'sourcepawn' }]);
  });

  it('finds a file name on the fence line', () => {
    const out = extractCode(`${fenced('sourcepawn title="tank_util.inc"', '#define TANK 8')}\n${fenced('sourcepawn', plugin)}`);
    expect(out.companions[0]?.name).toBe('tank_util.inc');
  });
});
