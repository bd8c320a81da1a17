// First pass over the inputs: facts that need the whole dataset before any example can be judged
// (majority system prompt, prompts answered differently, the sample). Holds hashes, never texts.
import { extractCode } from '../../evaluators/core/extract.js';
import { isReason, parseExample } from './formats.js';
import { readLines } from './lines.js';
import { codeHash, codeTokens, hashText, normalizePrompt } from './normalize.js';
import { Reservoir } from './sample.js';

/** What the first pass learns about the dataset. */
export interface DatasetFacts {
  lines: number;
  blankLines: number;
  /** Hash of the system prompt most chat examples share (over half of them), or null. */
  majoritySystem: { hash: string; text: string; share: number } | null;
  /** Hashes of normalised prompts answered with different code. */
  conflictingPrompts: Set<string>;
  /** `fileIndex:line` keys of the sampled lines, or null when every line is checked. */
  sample: Set<string> | null;
}

/** True when the raw line holds only whitespace. */
export function isBlank(raw: Buffer): boolean {
  for (const b of raw) if (b !== 0x20 && b !== 0x09 && b !== 0x0d) return false;
  return true;
}

/** Reads every input once and collects the dataset-wide facts. */
export async function scanDataset(files: readonly string[], maxLineBytes: number, sample?: { size: number; seed: number }): Promise<DatasetFacts> {
  const systems = new Map<string, { count: number; text: string }>();
  // Prompt hash → code hash of its first answer, or null once a different answer was seen.
  const answers = new Map<string, string | null>();
  const reservoir = sample ? new Reservoir<string>(sample.size, sample.seed) : null;
  let lines = 0;
  let blankLines = 0;
  let chats = 0;
  for (const [fi, file] of files.entries()) {
    for await (const { line, raw } of readLines(file, maxLineBytes)) {
      if (raw !== null && isBlank(raw)) {
        blankLines++;
        continue;
      }
      lines++;
      reservoir?.offer(`${fi}:${line}`);
      if (raw === null) continue;
      const ex = parseExample(raw.toString('utf8'));
      if (isReason(ex)) continue;
      if (ex.format === 'chat' && ex.system !== null) {
        chats++;
        const h = hashText(ex.system);
        const entry = systems.get(h);
        if (entry) entry.count++;
        else systems.set(h, { count: 1, text: ex.system.slice(0, 200) });
      }
      if (ex.prompt === null || ex.prompt.trim() === '') continue;
      const main = extractCode(ex.answer).main;
      if (main === '') continue;
      const p = hashText(normalizePrompt(ex.prompt));
      const c = codeHash(codeTokens(main));
      const prev = answers.get(p);
      if (prev === undefined) answers.set(p, c);
      else if (prev !== null && prev !== c) answers.set(p, null);
    }
  }
  let top: [string, { count: number; text: string }] | undefined;
  for (const e of systems) if (!top || e[1].count > top[1].count) top = e;
  const majoritySystem = top && top[1].count * 2 > chats ? { hash: top[0], text: top[1].text, share: top[1].count / chats } : null;
  const conflictingPrompts = new Set<string>();
  for (const [p, c] of answers) if (c === null) conflictingPrompts.add(p);
  return { lines, blankLines, majoritySystem, conflictingPrompts, sample: reservoir ? new Set(reservoir.values()) : null };
}
