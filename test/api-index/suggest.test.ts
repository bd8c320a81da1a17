import { beforeAll, describe, expect, it } from 'vitest';
import { loadGrammar } from '../../evaluators/core/grammar.js';
import { suggestFunction } from '../../evaluators/api-index/suggest.js';
import { unknownApiHint } from '../../evaluators/symbols/api-analysis.js';

beforeAll(() => loadGrammar());

describe('did you mean', () => {
  it('swaps a Left4DHooks prefix to the one that exists', () => {
    expect(suggestFunction('L4D2_ReviveSurvivor')).toBe('L4D_ReviveSurvivor');
    expect(suggestFunction('L4D_IsScavengeMode')).toBe('L4D2_IsScavengeMode');
  });

  it('fixes case and one or two letters, and stays silent when nothing is close', () => {
    expect(suggestFunction('printtochatall')).toBe('PrintToChatAll');
    expect(suggestFunction('GetClientHelth')).toBe('GetClientHealth');
    expect(suggestFunction('Frobnicate')).toBeUndefined();
    expect(suggestFunction('Fooo')).toBeUndefined();
  });

  it('reports hints by name: known inventions first, then the nearest name, then missing members', () => {
    expect(unknownApiHint('L4D_GetTankCount')).toContain('L4D2_GetTankCount');
    expect(unknownApiHint('PrintToChatAl')).toBe('did you mean PrintToChatAll?');
    expect(unknownApiHint('ConVar.GetInt')).toBe('ConVar has no method or property GetInt');
    expect(unknownApiHint('.Frobnicate')).toBeUndefined();
  });
});
