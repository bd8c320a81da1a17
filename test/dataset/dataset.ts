// The mixed JSONL used by the check tests: each line is one known case, so counts can be exact.
import * as P from './plugins.js';

const TANK_PROMPT = 'Write a plugin that announces when a Tank spawns and shows its health.';

/** Comments and layout changed only: an exact duplicate once normalised. */
const TANK_RESTYLED = P.TANK_PLUGIN.replace('public void OnPluginStart()\n{', '// hooks\npublic void OnPluginStart() {').replace(/\t/g, '    ');

/** Lines of the dataset with what each must produce (`accepted` or the reason codes expected). */
export const CASES: { line: string; expect: 'accepted' | string[]; note: string }[] = [
  { note: 'good chat', line: P.chatLine(TANK_PROMPT, P.fenced(P.TANK_PLUGIN)), expect: 'accepted' },
  { note: 'good chat 2', line: P.chatLine('Heal all survivors at round start, amount from a ConVar.', P.fenced(P.HEAL_PLUGIN)), expect: 'accepted' },
  { note: 'exact duplicate', line: P.chatLine('Announce tank spawns to everyone.', P.fenced(TANK_RESTYLED)), expect: ['duplicate'] },
  { note: 'near duplicate', line: P.chatLine('Give survivors health when the round begins.', P.fenced(P.HEAL_PLUGIN.replace('"1.2"', '"1.3"'))), expect: ['near-duplicate'] },
  { note: 'invented API, same prompt as line 1', line: P.chatLine(TANK_PROMPT, P.fenced(P.INVENTED_API_PLUGIN)), expect: ['check:rule', 'check:api', 'compile'] },
  { note: 'syntax error', line: P.chatLine('Tank spawn message please.', P.fenced(P.BROKEN_PLUGIN)), expect: ['check:syntax', 'compile'] },
  { note: 'empty answer', line: P.chatLine('Write a witch plugin.', '   '), expect: ['empty-answer'] },
  { note: 'no code', line: P.chatLine('Write a witch plugin.', 'Sure! You could hook witch_killed and count kills per player. Let me know if you want the code.'), expect: ['no-code'] },
  { note: 'unterminated fence', line: P.chatLine('Write an incap notice plugin.', '```sourcepawn\n' + P.INCAP_PLUGIN.slice(0, 400)), expect: ['truncated', 'check:syntax', 'compile'] },
  { note: 'other system prompt', line: P.chatLine('Count witch kills per player.', P.fenced(P.WITCH_PLUGIN), 'You are a pirate.'), expect: ['system-prompt'] },
  { note: 'malformed JSON', line: '{"messages": [{"role": "user", "content": "hi"}', expect: ['malformed-json'] },
  { note: 'no assistant', line: JSON.stringify({ messages: [{ role: 'system', content: P.SYSTEM }, { role: 'user', content: 'hello' }] }), expect: ['no-assistant'] },
  { note: 'wrong role order', line: JSON.stringify({ messages: [{ role: 'assistant', content: P.fenced(P.INCAP_PLUGIN) }, { role: 'user', content: 'thanks' }, { role: 'assistant', content: 'ok' }] }), expect: ['role-order'] },
  { note: 'good batch output', line: JSON.stringify({ id: 'b1', custom_id: 'req-1', response: { status_code: 200, body: { choices: [{ index: 0, message: { role: 'assistant', content: P.fenced(P.INCAP_PLUGIN) }, finish_reason: 'stop' }] } }, error: null }), expect: 'accepted' },
  { note: 'batch cut at length', line: JSON.stringify({ id: 'b2', custom_id: 'req-2', response: { status_code: 200, body: { choices: [{ index: 0, message: { role: 'assistant', content: P.fenced(P.WITCH_PLUGIN) }, finish_reason: 'length' }] } }, error: null }), expect: ['truncated'] },
  { note: 'good prompt/completion, bare code', line: JSON.stringify({ prompt: 'Count witch kills and show them with !witchkills.', completion: P.WITCH_PLUGIN }), expect: 'accepted' },
  { note: 'too many tokens', line: P.chatLine('Tank plugin with a long header.', P.fenced(`// ${'tank health announce '.repeat(700)}\n` + P.TANK_PLUGIN.replace('Tank Announce', 'Tank Announce Long'))), expect: ['too-many-tokens'] },
  { note: 'rule violation only', line: P.chatLine('Incap notice without newdecls.', P.fenced(P.RULE_ONLY_PLUGIN)), expect: ['check:rule'] },
  { note: 'JSON but not an example', line: '[1, 2, 3]', expect: ['unknown-format'] },
];

/** The dataset as JSONL text, with one blank line in the middle (skipped, not counted). */
export function datasetText(): string {
  const lines = CASES.map((c) => c.line);
  lines.splice(3, 0, '');
  return lines.join('\n') + '\n';
}

/** 1-based line number of case `i` in datasetText(). */
export function lineOf(i: number): number {
  return i < 3 ? i + 1 : i + 2;
}
