import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildIndex } from '../../evaluators/api-index/build.js';
import type { ApiIndex, IndexSymbol } from '../../evaluators/api-index/types.js';

const FOLDER = path.resolve(import.meta.dirname, '../fixtures/includes');
let index: ApiIndex;
const sym = (name: string, kind?: string): IndexSymbol => {
  const found = index.symbols.find((s) => s.name === name && (kind === undefined || s.kind === kind));
  if (!found) throw new Error(`no symbol ${name}`);
  return found;
};

beforeAll(async () => {
  index = await buildIndex([FOLDER]);
});

describe('buildIndex', () => {
  it('records the include graph with nested include names', () => {
    expect(Object.keys(index.includes).sort()).toEqual(['sub/zapi_extra', 'zapi', 'zapi_stocks']);
    expect(index.includes.zapi).toEqual(['zapi_stocks', 'sub/zapi_extra']);
    expect(sym('ZapiExtra_Ping').include).toBe('sub/zapi_extra');
  });

  it('reads natives with defaults, by-ref, arrays and variadics', () => {
    const name = sym('Zapi_GetName');
    expect(name).toMatchObject({ kind: 'native', include: 'zapi', type: 'bool' });
    expect(name.params).toEqual([
      { name: 'client', type: 'int' },
      { name: 'buffer', type: 'char', array: true },
      { name: 'maxlength', type: 'int' },
      { name: 'found', type: 'bool', byRef: true, default: 'false' },
    ]);
    expect(sym('Zapi_Print').params?.[2]).toEqual({ name: '...', type: 'any', variadic: true });
    expect(sym('Zapi_Teleport').params?.[1]).toMatchObject({ type: 'float', array: true, size: 3, default: 'NULL_VECTOR' });
    expect(sym('Zapi_GetMode').params?.[0]).toMatchObject({ type: 'Handle', default: 'INVALID_HANDLE' });
  });

  it('tells natives, forwards and stocks apart and keeps deprecation', () => {
    expect(sym('Zapi_OnEvent').kind).toBe('forward');
    expect(sym('Zapi_Clamp')).toMatchObject({ kind: 'stock', include: 'zapi_stocks' });
    expect(sym('Zapi_Count').deprecated).toBe(true);
    expect(sym('Zapi_GetCount').deprecated).toBeUndefined();
  });

  it('reads enums with counted values and flattens their entries', () => {
    expect(sym('ZapiMode', 'enum').entries).toEqual([
      { name: 'ZapiMode_Off', value: '0' },
      { name: 'ZapiMode_On', value: '1' },
      { name: 'ZapiMode_Auto', value: '5' },
      { name: 'ZapiMode_Next', value: '6' },
    ]);
    expect(sym('ZapiMode_Next')).toMatchObject({ kind: 'constant', type: 'ZapiMode' });
    expect(sym('ZAPI_FLAG_B')).toMatchObject({ kind: 'constant', value: '(1 << 1)' });
  });

  it('reads methodmaps, enum structs, typedefs and typesets', () => {
    const list = sym('ZapiList');
    expect(list).toMatchObject({ kind: 'methodmap', parent: 'Handle' });
    const members = Object.fromEntries(list.members!.map((m) => [m.name, m]));
    expect(members.ZapiList).toMatchObject({ kind: 'constructor', params: [{ name: 'capacity', type: 'int', default: '8' }] });
    expect(members.FromString).toMatchObject({ kind: 'method', static: true, type: 'ZapiList' });
    expect(members.Length).toMatchObject({ kind: 'property', type: 'int', get: true });
    expect(members.Locked).toMatchObject({ get: true, set: true });
    expect(sym('ZapiItem').members?.map((m) => `${m.kind}:${m.name}`)).toEqual(['field:id', 'field:origin', 'method:Reset']);
    expect(sym('ZapiCallback')).toMatchObject({ kind: 'typedef', params: [{ name: 'client', type: 'int' }, { name: 'data', type: 'any' }] });
    expect(sym('ZapiFilter').kind).toBe('typeset');
  });

  it('reads defines, macros, constants and the version define', () => {
    expect(sym('ZAPI_MAX_ITEMS')).toMatchObject({ kind: 'define', value: '32' });
    expect(sym('ZAPI_SQUARE')).toMatchObject({ kind: 'macro', arity: 1 });
    expect(sym('ZapiVersionNumber')).toMatchObject({ kind: 'constant', type: 'int', value: '3' });
    expect(index.versions).toEqual({ sourcemod: '1.12.0-test' });
  });

  it('never stores doc text', () => {
    expect(JSON.stringify(index)).not.toContain("SourceMod's style");
  });
});
