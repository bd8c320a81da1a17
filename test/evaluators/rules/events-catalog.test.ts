import { describe, expect, it } from 'vitest';
import { INVENTED_EVENTS, L4D2_EVENTS, isL4D2Event } from '../../../evaluators/catalog/events.js';

describe('L4D2 event catalog', () => {
  it('holds the engine, game and L4D2 mod events', () => {
    expect(L4D2_EVENTS.size).toBeGreaterThanOrEqual(375);
    for (const name of ['player_disconnect', 'round_start', 'entity_killed', 'tank_killed', 'charger_carry_kill', 'player_left_safe_area', 'explain_lighthouse_gas']) {
      expect(isL4D2Event(name)).toBe(true);
    }
  });
  it('uses the L4D2 definition of events it redefines', () => {
    expect(L4D2_EVENTS.get('player_death')?.fields).toMatchObject({ userid: 'short', entityid: 'long', headshot: 'bool', victim_x: 'float' });
    expect(L4D2_EVENTS.get('player_hurt')?.fields.health).toBe('short');
    expect(L4D2_EVENTS.get('zombie_death')?.fields.victim).toBe('long');
  });
  it('rejects invented names and is case-sensitive', () => {
    for (const name of Object.keys(INVENTED_EVENTS)) expect(isL4D2Event(name)).toBe(false);
    expect(isL4D2Event('Player_Death')).toBe(false);
    for (const real of Object.values(INVENTED_EVENTS)) expect(isL4D2Event(real.split(' ')[0]!)).toBe(true);
  });
});
