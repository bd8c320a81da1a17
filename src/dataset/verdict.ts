// Judges one line: input format, data checks, then the same evaluators that judge models.
import { judgeAnswer } from '../run/judge.js';
import type { CheckSpec } from '../types/suite.js';
import { isReason, parseExample } from './formats.js';
import { NearDupIndex, signature } from './minhash.js';
import { codeHash, codeTokens, hashText, normalizePrompt } from './normalize.js';
import type { DatasetFacts } from './scan.js';
import { countTokens } from './tokens.js';
import type { CheckOptions, Reason, Verdict } from './types.js';

/** State shared by the verdicts of one check: what was accepted so far, for duplicate detection. */
export interface VerdictContext {
  options: CheckOptions;
  checks: CheckSpec[];
  facts: DatasetFacts;
  /** Normalised code hash → label of the accepted example that has it. */
  acceptedCode: Map<string, string>;
  nearDup: NearDupIndex;
}

/** A fresh context for a check over a dataset. */
export function newContext(options: CheckOptions, checks: CheckSpec[], facts: DatasetFacts): VerdictContext {
  return { options, checks, facts, acceptedCode: new Map(), nearDup: new NearDupIndex(options.nearDup) };
}

function base(file: string, line: number): Verdict {
  return { file, line, accepted: false, score: null, reasons: [], warnings: [], unknownApis: [], prompt: null, jsonObject: false };
}

/** The verdict on an oversized line (its bytes were never held). */
export function oversizedVerdict(file: string, line: number, bytes: number, limit: number): Verdict {
  const mb = (n: number) => (n / 1024 / 1024).toFixed(1);
  return { ...base(file, line), reasons: [{ code: 'line-too-long', message: `line is ${mb(bytes)} MB, over the ${mb(limit)} MB limit: not read` }] };
}

/** Judges one non-blank line. `label` (file:line) names it in other examples' duplicate reasons. */
export async function judgeLine(text: string, file: string, line: number, ctx: VerdictContext): Promise<Verdict> {
  const v = base(file, line);
  const ex = parseExample(text);
  if (isReason(ex)) {
    v.reasons.push(ex);
    v.jsonObject = ex.code !== 'malformed-json' && !ex.message.startsWith('the line is JSON but not an object');
    return v;
  }
  v.jsonObject = true;
  const { options, facts } = ctx;
  const reasons: Reason[] = v.reasons;
  if (ex.prompt !== null && facts.conflictingPrompts.has(hashText(normalizePrompt(ex.prompt)))) {
    v.warnings.push({ code: 'conflicting-answers', message: 'the same prompt has a different answer elsewhere in the data' });
  }
  if (facts.majoritySystem && ex.system !== null && hashText(ex.system) !== facts.majoritySystem.hash) {
    reasons.push({ code: 'system-prompt', message: `system prompt differs from the one ${Math.round(facts.majoritySystem.share * 100)}% of the examples use` });
  }
  const tokens = countTokens(ex.texts, options.maxTokens);
  if (tokens.tokens > options.maxTokens) reasons.push({ code: 'too-many-tokens', message: `${tokens.tokens} tokens (o200k_base), over --max-tokens ${options.maxTokens}` });
  if (ex.finishReason === 'length') reasons.push({ code: 'truncated', message: 'finish_reason is "length": the answer was cut off' });
  if (ex.answer.trim() === '') {
    reasons.push({ code: 'empty-answer', message: 'the assistant answer is empty' });
    return v;
  }

  const j = await judgeAnswer(ex.answer, ctx.checks, options.minScore);
  v.score = j.score;
  v.unknownApis = [...new Set(j.api?.unknown ?? [])];
  if (j.warnings.some((w) => w.startsWith('unterminated')) && ex.finishReason !== 'length') {
    reasons.push({ code: 'truncated', message: 'unterminated code fence: the answer looks cut off' });
  }
  if (j.code === '') {
    reasons.push({ code: 'no-code', message: 'no SourcePawn code found in the answer' });
    return v;
  }
  // judgeAnswer compiles every answer (spcomp when found, else the static check). A compile failure rejects
  // on its own, outside the score: code that does not compile is never good training data.
  if (j.compile?.problem) v.warnings.push({ code: 'compiler-problem', message: j.compile.problem });
  else if (j.compile && !j.compile.ok) {
    const first = j.compile.diagnostics.find((d) => d.severity !== 'warning');
    const where = first?.line ? `line ${first.line}: ` : '';
    reasons.push({ code: 'compile', message: `${j.compile.mode} compile failed with ${j.compile.errors} error(s)${first ? `; ${where}${first.message}` : ''}` });
  }
  if (j.status !== 'pass') {
    const failed = j.checks.filter((c) => c.status === 'fail');
    for (const c of failed) reasons.push({ code: `check:${c.id}`, message: c.reason });
    if (failed.length === 0) reasons.push({ code: 'low-score', message: `score ${j.score ?? 'n/a'} below --min-score ${options.minScore}` });
  }
  if (reasons.length > 0) return v;

  // Duplicates are judged against accepted examples only, so the accepted file keeps one of each.
  const label = `${file}:${line}`;
  const tokensOfCode = codeTokens(j.code);
  const hash = codeHash(tokensOfCode);
  const same = ctx.acceptedCode.get(hash);
  if (same !== undefined) {
    reasons.push({ code: 'duplicate', message: `same code (comments and layout aside) as accepted ${same}` });
    return v;
  }
  const sig = signature(tokensOfCode);
  const near = ctx.nearDup.find(sig);
  if (near) {
    reasons.push({ code: 'near-duplicate', message: `${Math.round(near.similarity * 100)}% similar to accepted ${near.id} (--near-dup ${options.nearDup})` });
    return v;
  }
  ctx.acceptedCode.set(hash, label);
  ctx.nearDup.add(sig, label);
  v.accepted = true;
  v.prompt = ex.prompt;
  return v;
}
