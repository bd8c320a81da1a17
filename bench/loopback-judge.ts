// A stand-in judge for tests and for trying `calibrate` offline: the loopback OpenAI server in judge mode, grading
// each rubric criterion of the starter rubrics with a keyword rule on the code. It is NOT a model and not a good judge
// (it reads names, not intent): calibrating it against the shipped labels shows the disagreements a real judge must
// be measured for. Run: `node dist/bench/loopback-judge.js` and point a model's baseURL at the printed URL.
import type { SeenRequest } from './openai-server.js';
import { startOpenAIServer } from './openai-server.js';

/** Keyword rules of the starter rubric criteria; a criterion not listed here passes. */
export const KEYWORD_RULES: Record<string, (code: string) => boolean> = {
  'right-event': (c) => /"tank_spawn"/.test(c),
  'player-or-ai': (c) => /IsFakeClient/.test(c),
  'tank-health': (c) => /GetClientHealth|m_iHealth/.test(c),
  'both-events': (c) => /"player_incapacitated"/.test(c) && /"player_ledge_grab"/.test(c),
  'survivors-only': (c) => /GetClientTeam/.test(c) && !/PrintHintTextToAll/.test(c),
  'others-alive': (c) => /IsPlayerAlive/.test(c),
  'down-or-ledge': (c) => /ledge/i.test(c),
  repeats: (c) => /TIMER_REPEAT/.test(c),
  'starts-on-round': (c) => /"survival_round_start"/.test(c),
  'stops-at-end': (c) => /KillTimer|delete\s+\w*[Tt]imer|Plugin_Stop/.test(c),
  'final-time': (c) => /PrintToChatAll/.test(c),
};

/** The code block of the judge's user message. */
export function judgedCode(req: SeenRequest): string {
  const user = [...req.messages].reverse().find((m) => m.role === 'user')?.content ?? '';
  return /## Plugin code\n(`{3,})sourcepawn\n([\s\S]*?)\n\1\n/.exec(user)?.[2] ?? '';
}

/** Answers a rubric request (the verdict schema) with keyword verdicts and a one-sentence reason each. */
export function keywordJudge(req: SeenRequest, schema: Record<string, unknown>): unknown {
  const ids = ((schema as { properties?: { criteria?: { items?: { properties?: { id?: { enum?: string[] } } } } } }).properties?.criteria?.items?.properties?.id?.enum ?? []);
  const code = judgedCode(req);
  const criteria = ids.map((id) => {
    const rule = KEYWORD_RULES[id];
    const ok = rule ? rule(code) : true;
    return { id, verdict: ok ? 'pass' : 'fail', reason: rule ? (ok ? `The code has what ${id} looks for.` : `The code lacks what ${id} looks for.`) : 'No rule for this criterion.' };
  });
  const passed = criteria.filter((c) => c.verdict === 'pass').length;
  return { criteria, score: ids.length ? Math.round((10 * passed) / ids.length) : 10 };
}

async function main(): Promise<void> {
  const server = await startOpenAIServer({ judge: keywordJudge, servedModel: 'keyword-judge-loopback' });
  process.stdout.write(`loopback judge on ${server.baseURL} (Ctrl-C to stop)\n`);
  process.on('SIGINT', () => void server.close().then(() => process.exit(0)));
}

if (import.meta.filename === process.argv[1]) await main();
