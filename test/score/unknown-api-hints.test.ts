// A model's unknown APIs carry the hint judging gave each name (stored with the item), so a summary of a cached run
// needs no API index; items judged before hints were stored get theirs worked out again.
import { describe, expect, it } from 'vitest';
import { judgeAnswer } from '../../src/run/judge.js';
import { summarizeModel } from '../../src/score/summary.js';
import type { ItemResult } from '../../src/types/run.js';

const ANSWER = '```sourcepawn\n#include <sourcemod>\npublic void OnPluginStart()\n{\n    PrintToChatAl(0, "x");\n    L4D2_MakeTankAngry(1);\n}\n```';

function item(api: ItemResult['api']): ItemResult {
  return { model: 'm', caseId: 'c', category: 'x', sample: 0, status: 'fail', score: 5, answer: '', code: '', checks: [], syntax: null, api, warnings: [], latencyMs: 0, cached: false } as ItemResult;
}

describe('unknown API hints', () => {
  it('are stored with the judgement, one per unknown name', async () => {
    const j = await judgeAnswer(ANSWER, [], 7);
    expect(j.api?.unknown).toEqual(expect.arrayContaining(['PrintToChatAl']));
    expect(Object.keys(j.api?.hints ?? {}).sort()).toEqual([...new Set(j.api!.unknown)].sort());
    expect(j.api?.hints?.PrintToChatAl).toMatch(/PrintToChatAll/);
  });

  it('come from the items when they hold them, else are worked out from the index', () => {
    const model = { label: 'm', provider: 'replay', id: 'm' } as const;
    const stored = summarizeModel(model as never, [item({ total: 1, resolved: 0, unknown: ['PrintToChatAl'], hints: { PrintToChatAl: 'as judged' } })], []);
    expect(stored.unknownApis[0]).toMatchObject({ name: 'PrintToChatAl', hint: 'as judged' });
    const none = summarizeModel(model as never, [item({ total: 1, resolved: 0, unknown: ['PrintToChatAl'], hints: { PrintToChatAl: '' } })], []);
    expect(none.unknownApis[0]).not.toHaveProperty('hint');
    const older = summarizeModel(model as never, [item({ total: 1, resolved: 0, unknown: ['PrintToChatAl'] })], []);
    expect(older.unknownApis[0]!.hint).toMatch(/PrintToChatAll/);
  });
});
