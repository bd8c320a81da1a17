// Member accesses on typed variables: methodmaps from the includes and the answer's own, enum structs, statics,
// view_as targets and the intrinsic Handle.Close, checked against the declaring type and its parents (error 105).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileSource, insertInPluginStart, lines } from './helpers.js';

const SOURCE = readFileSync(path.resolve(import.meta.dirname, '../fixtures/plugins-members/members.sp'), 'utf8');
const PLUGINS = path.resolve(import.meta.dirname, '../fixtures/plugins');

describe('static compile: members', () => {
  it('reports every member the declaring type and its parents lack, and nothing else', async () => {
    expect(lines(await compileSource(SOURCE))).toEqual([
      '28: error 105: cannot find method or property ConVar.GetInt',
      '32: error 105: cannot find method or property ArrayList.Frobnicate',
      '38: error 105: cannot find method or property Bag.Shake',
      '42: error 105: cannot find method or property Player.mana',
      '45: error 105: cannot find method or property ArrayList.Nope',
      '47: error 105: cannot find method or property ConVar.SetIntx',
      '53: error 105: cannot find method or property Event.GetFoo',
    ]);
  });

  it('leaves untyped, array and unknown-type receivers alone', async () => {
    const src = [
      '#include <sourcemod>',
      'Handle g_hOld;',
      'any g_any;',
      'public void OnPluginStart()',
      '{',
      '\tMysteryType m;',
      '\tm.Whatever();',
      '\tint arr[3];',
      '\tg_any.Anything();',
      '\tg_hOld.Close();',
      '}',
    ].join('\n');
    const out = lines(await compileSource(src));
    expect(out.filter((l) => l.includes('105'))).toEqual([]);
  });

  it('finds no false member errors in the realistic plugins, and catches an invented method added to each', async () => {
    const { readdirSync } = await import('node:fs');
    for (const f of readdirSync(PLUGINS).filter((x) => x.endsWith('.sp'))) {
      const src = readFileSync(path.join(PLUGINS, f), 'utf8');
      expect(lines(await compileSource(src)).filter((l) => l.includes('105')), f).toEqual([]);
      const { source, line } = insertInPluginStart(src, '\tArrayList invented = new ArrayList();\n\tinvented.PushFront(1);');
      expect(lines(await compileSource(source)), f).toContain(`${line + 1}: error 105: cannot find method or property ArrayList.PushFront`);
    }
  });
});
