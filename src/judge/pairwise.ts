// Pairwise mode: "which of these two plugins meets the rubric better", asked in both orders so the position of an
// answer cannot decide; when the two orders disagree the result is a tie.
import type { Criterion } from '../../evaluators/checks/judge.js';
import type { CompletionRequest } from '../types/provider.js';
import type { JudgeCall } from '../types/judge.js';
import type { JudgeClient } from './client.js';
import { JUDGE_PROMPT_VERSION, rubricText } from './prompt.js';

export const PAIRWISE_SYSTEM = `You compare two SourceMod plugins for Left 4 Dead 2 written for the same task. Judge only what each plugin's code does, against the rubric. Say which plugin meets the rubric better ("first" or "second"), or "tie" when neither does better, with one sentence why. Answer only with JSON following the given schema. (${JUDGE_PROMPT_VERSION} pairwise)`;

/** One order's answer. */
export interface PairwiseRound {
  order: 'ab' | 'ba';
  /** The winner mapped back to the caller's names; null when the judge failed. */
  winner: 'a' | 'b' | 'tie' | null;
  reason: string;
  call: JudgeCall;
}

/** The decision over both orders. */
export interface PairwiseVerdict {
  winner: 'a' | 'b' | 'tie';
  /** True when the two orders named different winners (a position bias): the result is then a tie. */
  inconsistent: boolean;
  rounds: PairwiseRound[];
  /** Set when a round failed: then there is no verdict to trust. */
  error?: string;
}

function fence(code: string): string {
  const longest = Math.max(2, ...[...code.matchAll(/`+/g)].map((m) => m[0].length));
  return '`'.repeat(longest + 1);
}

/** The request for one order: `first` is shown first. */
export function pairwiseRequest(judge: { label: string; id: string }, caseId: string, prompt: string, first: string, second: string, criteria: readonly Criterion[]): CompletionRequest {
  const f1 = fence(first);
  const f2 = fence(second);
  const user = `## Task both plugins were written for\n${prompt.trim()}\n\n## First plugin\n${f1}sourcepawn\n${first}\n${f1}\n\n## Second plugin\n${f2}sourcepawn\n${second}\n${f2}\n\n## Rubric\n${rubricText(criteria)}`;
  return {
    label: judge.label,
    modelId: judge.id,
    caseId,
    sample: 1,
    messages: [
      { role: 'system', content: PAIRWISE_SYSTEM },
      { role: 'user', content: user },
    ],
    params: { temperature: 0, max_tokens: 300 },
    responseFormat: {
      name: 'pairwise_verdict',
      strict: true,
      schema: {
        type: 'object',
        additionalProperties: false,
        required: ['winner', 'reason'],
        properties: { winner: { type: 'string', enum: ['first', 'second', 'tie'] }, reason: { type: 'string' } },
      },
    },
  };
}

function readWinner(text: string): { winner?: 'first' | 'second' | 'tie'; reason: string } {
  try {
    const d = JSON.parse(text) as { winner?: unknown; reason?: unknown };
    const w = d.winner === 'first' || d.winner === 'second' || d.winner === 'tie' ? d.winner : undefined;
    return { ...(w ? { winner: w } : {}), reason: typeof d.reason === 'string' ? d.reason : '' };
  } catch {
    return { reason: '' };
  }
}

/** Compares answers a and b in both orders (a first, then b first); disagreeing orders give a tie. */
export async function judgePair(client: JudgeClient, kase: { id: string; prompt: string }, a: string, b: string, criteria: readonly Criterion[], signal?: AbortSignal): Promise<PairwiseVerdict> {
  const judge = { label: client.model.label, id: client.model.id };
  const accept = (t: string) => readWinner(t).winner !== undefined;
  const [ab, ba] = await Promise.all([
    client.ask(pairwiseRequest(judge, kase.id, kase.prompt, a, b, criteria), accept, signal),
    client.ask(pairwiseRequest(judge, kase.id, kase.prompt, b, a, criteria), accept, signal),
  ]);
  const round = (order: 'ab' | 'ba', res: typeof ab): PairwiseRound => {
    if (res.error) return { order, winner: null, reason: res.error.message, call: res.call };
    const { winner, reason } = readWinner(res.text!);
    if (!winner) return { order, winner: null, reason: 'the judge did not answer in the pairwise schema', call: { ...res.call, error: 'invalid_verdict' } };
    const mapped = winner === 'tie' ? 'tie' : (winner === 'first') === (order === 'ab') ? 'a' : 'b';
    return { order, winner: mapped, reason, call: res.call };
  };
  const rounds = [round('ab', ab), round('ba', ba)];
  const failed = rounds.find((r) => r.winner === null);
  if (failed) return { winner: 'tie', inconsistent: false, rounds, error: failed.reason };
  const inconsistent = rounds[0]!.winner !== rounds[1]!.winner;
  return { winner: inconsistent ? 'tie' : rounds[0]!.winner!, inconsistent, rounds };
}
