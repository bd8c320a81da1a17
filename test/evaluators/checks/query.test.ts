import { beforeAll, describe, expect, it } from 'vitest';
import { loadGrammar } from '../../../evaluators/core/grammar.js';
import { prepareInput } from '../../../evaluators/core/input.js';
import { query, validateQuery } from '../../../evaluators/checks/query.js';

const code = `public void OnPluginStart()
{
	CreateTimer(1.0, Timer_Check, _, TIMER_REPEAT);
	CreateTimer(5.0, Timer_Once);
}
Action Timer_Check(Handle timer)
{
	while (true)
	{
		PrintToServer("spin");
	}
}
`;

const whileTrue = '(while_statement condition: (bool_literal) @cond)';
const timerCall = '((call_expression function: (identifier) @fn) (#eq? @fn "CreateTimer"))';

const run = (opts: Record<string, unknown>, text = code) => query.evaluate(prepareInput(text), query.options.parse(opts));

describe('query', () => {
  beforeAll(loadGrammar);

  it('passes when the query matches, with min', () => {
    expect(run({ query: timerCall })).toMatchObject({ status: 'pass', details: { matches: 2 } });
    expect(run({ query: timerCall, min: 2 }).status).toBe('pass');
  });

  it('fails below min, using the message when given', () => {
    expect(run({ query: timerCall, min: 3 })).toMatchObject({
      status: 'fail',
      reason: 'query found 2 match(es), expected at least 3',
    });
    expect(run({ query: '(switch_statement) @s', message: 'no switch on the zombie class' })).toMatchObject({
      status: 'fail',
      reason: 'no switch on the zombie class',
    });
  });

  it('expect: no_match fails with the location of each match', () => {
    const out = run({ query: whileTrue, expect: 'no_match' });
    expect(out.status).toBe('fail');
    expect(out.locations).toEqual([{ line: 8, column: 9, message: 'query match' }]);
    expect(run({ query: '(switch_statement) @s', expect: 'no_match' }).status).toBe('pass');
  });

  it('validateQuery returns null for a valid query and a message for an invalid one', () => {
    expect(validateQuery(timerCall)).toBeNull();
    expect(validateQuery('(call_expression')).toMatch(/^invalid tree-sitter query: /);
    expect(validateQuery('(no_such_node_type) @x')).toMatch(/^invalid tree-sitter query: .*no_such_node_type/i);
  });

  it('gives status error when the query does not compile at evaluate time', () => {
    expect(run({ query: '(whille_statement) @w' }).status).toBe('error');
  });

  it('fails with no code and validates its options', () => {
    expect(run({ query: timerCall }, 'Just prose.')).toMatchObject({ status: 'fail', reason: 'no code found in the answer' });
    expect(query.options.safeParse({ query: timerCall, min: 0 }).success).toBe(false);
    expect(query.options.safeParse({ query: timerCall, expect: 'maybe' }).success).toBe(false);
    expect(query.options.safeParse({ query: timerCall, limit: 1 }).success).toBe(false);
  });
});
