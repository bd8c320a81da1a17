import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildIndex } from '../../evaluators/api-index/build.js';
import { loadGrammar } from '../../evaluators/core/grammar.js';
import { prepareInput, releaseInput } from '../../evaluators/core/input.js';
import { analyzeApi } from '../../evaluators/symbols/api-analysis.js';
import { symbolSources, tableOf } from '../../evaluators/symbols/tables.js';
import { loadConfig } from '../../src/config/load.js';
import { tempTree } from '../helpers/tmp.js';

const fixtureIncludes = path.resolve(import.meta.dirname, '../fixtures/includes');

describe('the table an answer is checked against', () => {
  it('is the shipped index, completed by the catalog, when nothing is configured', () => {
    const t = tableOf(symbolSources(undefined, {}));
    expect(t.source).toBe('shipped');
    expect(t.versions.sourcemod).toMatch(/^1\.12/);
    expect(t.byName.get('L4D2_GetTankCount')?.[0]?.include).toBe('left4dhooks');
    expect(t.byName.get('CPrintToChatAll')?.[0]?.include).toBe('multicolors');
  });

  it('puts a configured index first and lets the shipped one fill the includes it lacks', async () => {
    const dir = tempTree({});
    const file = path.join(dir, 'api.json');
    const index = await buildIndex([fixtureIncludes]);
    // The configured index also declares sourcemod: its own (tiny) sourcemod is the authority for that include.
    index.includes.sourcemod = [];
    index.symbols.push({ name: 'OnlyInMySourcemod', kind: 'native', include: 'sourcemod', params: [] });
    writeFileSync(file, JSON.stringify(index));
    const t = tableOf(symbolSources({ index: file }, {}));
    expect(t.source).toBe('index');
    expect(t.byName.get('Zapi_GetName')?.[0]?.include).toBe('zapi');
    expect(t.byName.has('OnlyInMySourcemod')).toBe(true);
    // Left4DHooks and the includes sourcemod.inc pulls in are not in the configured index: the shipped index fills them.
    expect(t.byName.get('L4D2_GetTankCount')?.[0]?.include).toBe('left4dhooks');
    expect(t.byName.get('HookEvent')?.[0]?.include).toBe('events');
    expect(t.byName.has('INVALID_FUNCTION')).toBe(true);
  });

  it('reads include folders from the settings, then SOURCEMOD_INCLUDE', () => {
    expect(symbolSources({ include: ['/a'] }, { SOURCEMOD_INCLUDE: `/b${path.delimiter}/a` }).folders).toEqual(['/a', '/b']);
  });

  it('judges two configs side by side in one process: no global index state', async () => {
    await loadGrammar();
    const code = '```sourcepawn\n#include <zapi>\npublic void OnPluginStart()\n{\n\tZapi_GetName(1, "", 0);\n}\n```';
    const plain = prepareInput(code);
    const withFolder = prepareInput(code, { compiler: { include: [fixtureIncludes] } });
    try {
      expect(analyzeApi(plain).unknown.map((u) => u.name)).toEqual(['Zapi_GetName']);
      expect(analyzeApi(withFolder).unknown).toEqual([]);
    } finally {
      releaseInput(plain);
      releaseInput(withFolder);
    }
  });

  it('refuses a configured index file that does not exist, naming the config and the fix', () => {
    const dir = tempTree({ 'l4d2-eval.config.yaml': 'models: { v1: { provider: replay, id: x } }\napi: { index: nope.json }\n' });
    expect(() => loadConfig(path.join(dir, 'l4d2-eval.config.yaml'))).toThrow(/API index not found: .*nope\.json \(api\.index in/);
  });
});
