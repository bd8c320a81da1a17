// What the judge is asked: the case prompt, the extracted code and the rubric, never which model wrote the answer;
// the answer must follow a JSON schema (per criterion a verdict and a one-sentence reason, then an overall score).
import { createHash } from 'node:crypto';
import type { Criterion } from '../../evaluators/checks/judge.js';
import type { ChatMessage, CompletionRequest, JsonSchemaFormat } from '../types/provider.js';

/** Bumped when the judge's instructions or schema change: part of every judge request, so of its cache key. */
export const JUDGE_PROMPT_VERSION = 'rubric-judge/1';

export const JUDGE_SYSTEM = `You review SourceMod plugins for Left 4 Dead 2 written in SourcePawn. You grade one plugin against a rubric.
Judge only what the code does when it runs, not its comments, names or claims. Use correct Left 4 Dead 2 facts (teams: 1 spectator, 2 survivors, 3 infected; event names and their keys as the game fires them).
For every criterion answer "pass" only when the code clearly meets it, else "fail", with one sentence saying why.
Then give an overall score from 0 to 10. Answer only with JSON following the given schema. (${JUDGE_PROMPT_VERSION})`;

/** Stable hash of a rubric's criteria (ids, weights, required flags, descriptions): what calibrations are keyed on. */
export function rubricHash(criteria: readonly Criterion[]): string {
  const canon = criteria.map((c) => [c.id, c.weight, c.required, c.description.trim()]);
  return createHash('sha256').update(JSON.stringify([JUDGE_PROMPT_VERSION, canon])).digest('hex').slice(0, 16);
}

/** The JSON schema the judge answers in (strict structured output). */
export function verdictSchema(criteria: readonly Criterion[]): JsonSchemaFormat {
  return {
    name: 'rubric_verdict',
    strict: true,
    schema: {
      type: 'object',
      additionalProperties: false,
      required: ['criteria', 'score'],
      properties: {
        criteria: {
          type: 'array',
          items: {
            type: 'object',
            additionalProperties: false,
            required: ['id', 'verdict', 'reason'],
            properties: {
              id: { type: 'string', enum: criteria.map((c) => c.id) },
              verdict: { type: 'string', enum: ['pass', 'fail'] },
              reason: { type: 'string' },
            },
          },
        },
        score: { type: 'number' },
      },
    },
  };
}

/** The rubric as the judge reads it. */
export function rubricText(criteria: readonly Criterion[]): string {
  return criteria.map((c) => `- ${c.id}${c.required ? ' (required)' : ''}: ${c.description.trim().replace(/\s+/g, ' ')}`).join('\n');
}

/** The user message: task, code, rubric. The code is fenced with a fence longer than any run of backticks in it. */
export function judgeMessages(prompt: string, code: string, criteria: readonly Criterion[]): ChatMessage[] {
  const longest = Math.max(2, ...[...code.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(longest + 1);
  const user = `## Task the plugin was written for\n${prompt.trim()}\n\n## Plugin code\n${fence}sourcepawn\n${code}\n${fence}\n\n## Rubric\n${rubricText(criteria)}`;
  return [
    { role: 'system', content: JUDGE_SYSTEM },
    { role: 'user', content: user },
  ];
}

/** The judge request for one answer: temperature 0, the verdict schema; sample 1 so equal code is judged once. */
export function judgeRequest(judge: { label: string; id: string }, caseId: string, prompt: string, code: string, criteria: readonly Criterion[]): CompletionRequest {
  return {
    label: judge.label,
    modelId: judge.id,
    caseId,
    sample: 1,
    messages: judgeMessages(prompt, code, criteria),
    params: { temperature: 0, max_tokens: 300 + 120 * criteria.length },
    responseFormat: verdictSchema(criteria),
  };
}
