import { beforeAll, describe, expect, it } from 'vitest';
import { loadGrammar } from '../../../evaluators/core/grammar.js';
import { prepareInput } from '../../../evaluators/core/input.js';
import { hooks_event } from '../../../evaluators/checks/hooks-event.js';

const code = `public void OnPluginStart()
{
	HookEvent("player_death", Event_PlayerDeath);
	HookEventEx("tank_spawn", Event_TankSpawn, EventHookMode_PostNoCopy);
	HookEvent(g_sEventName, Event_Dynamic);
	PrintToServer("round_start");
	// HookEvent("round_end", Event_RoundEnd);
}
`;

const run = (events: string[], match: 'all' | 'any' = 'all') =>
  hooks_event.evaluate(prepareInput(code), hooks_event.options.parse({ events, match }));

describe('hooks_event', () => {
  beforeAll(loadGrammar);

  it('passes for events hooked with HookEvent and HookEventEx', () => {
    expect(run(['player_death', 'tank_spawn'])).toMatchObject({ status: 'pass' });
  });

  it('fails for events only named in strings or comments', () => {
    const out = run(['player_death', 'round_start', 'round_end']);
    expect(out.status).toBe('fail');
    expect(out.reason).toBe('missing hooked events: round_start, round_end');
  });

  it('supports match: any', () => {
    expect(run(['round_end', 'tank_spawn'], 'any').status).toBe('pass');
    expect(run(['round_end', 'witch_killed'], 'any').status).toBe('fail');
  });

  it('does not count an event from a non-literal argument', () => {
    expect(run(['g_sEventName']).status).toBe('fail');
  });
});

describe('hooks_event options', () => {
  it('takes `events`, not `names`', () => {
    expect(hooks_event.options.safeParse({ names: ['tank_spawn'] }).success).toBe(false);
    expect(hooks_event.defaultId(hooks_event.options.parse({ events: ['tank_spawn'] }))).toBe('hooks_event:tank_spawn');
  });
});
