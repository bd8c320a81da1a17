import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { buildIndex } from '../../evaluators/api-index/build.js';
import { activeTable, useApiIndex } from '../../evaluators/api-index/load.js';
import { tempTree } from '../helpers/tmp.js';

afterEach(() => useApiIndex(undefined));

describe('the table the checks use', () => {
  it('is the shipped index, completed by the catalog, when nothing is configured', () => {
    const t = activeTable();
    expect(t.source).toBe('shipped');
    expect(t.versions.sourcemod).toBe('1.12');
    expect(t.byName.get('L4D2_GetTankCount')?.[0]?.include).toBe('left4dhooks');
    expect(t.byName.get('CPrintToChatAll')?.[0]?.include).toBe('multicolors');
  });

  it('puts a configured index first and lets the shipped one fill the includes it lacks', async () => {
    const dir = tempTree({});
    const file = path.join(dir, 'api.json');
    const index = await buildIndex([path.resolve(import.meta.dirname, '../fixtures/includes')]);
    // The configured index also declares sourcemod: its own (tiny) sourcemod is the authority for that include.
    index.includes.sourcemod = [];
    index.symbols.push({ name: 'OnlyInMySourcemod', kind: 'native', include: 'sourcemod', params: [] });
    writeFileSync(file, JSON.stringify(index));
    useApiIndex(file);
    const t = activeTable();
    expect(t.source).toBe('index');
    expect(t.byName.get('Zapi_GetName')?.[0]?.include).toBe('zapi');
    expect(t.byName.has('OnlyInMySourcemod')).toBe(true);
    // Left4DHooks and the includes sourcemod.inc pulls in are not in the configured index: the shipped index fills them.
    expect(t.byName.get('L4D2_GetTankCount')?.[0]?.include).toBe('left4dhooks');
    expect(t.byName.get('HookEvent')?.[0]?.include).toBe('events');
    expect(t.byName.has('INVALID_FUNCTION')).toBe(true);
  });

  it('refuses a configured index file that does not exist, naming the fix', () => {
    expect(() => useApiIndex('/nonexistent/api.json')).toThrow(/API index not found: \/nonexistent\/api.json/);
  });
});
