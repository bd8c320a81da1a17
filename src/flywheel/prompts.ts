// Prompt sets for `augment`: a text file (one prompt per line) or a YAML/JSON list, flat or grouped by category.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import * as z from 'zod';
import { UserError, ValidationError, type Problem } from '../core/errors.js';
import { formatPath, readYaml } from '../suite/yaml.js';

/** One prompt to generate answers for. */
export interface PromptEntry {
  /** Stable id (a case id of the generated suite): given, else `<last category part>-<n>`. */
  id: string;
  category: string;
  prompt: string;
}

/** A loaded prompt set. */
export interface PromptSet {
  file: string;
  /** System prompt the set asks for (YAML/JSON `system:`), if any. */
  system?: string;
  prompts: PromptEntry[];
  /** Prompts dropped because the same text (case and spacing aside) came earlier. */
  duplicates: number;
}

const ID = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;
const itemSchema = z.union([
  z.string().min(1),
  z.strictObject({ prompt: z.string().min(1), category: z.string().min(1).optional(), id: z.string().regex(ID, 'use letters, digits, ".", "_" and "-"').optional() }),
  z.strictObject({ category: z.string().min(1), prompts: z.array(z.string().min(1)).min(1) }),
]);
/** Text without case or runs of whitespace, to spot the same prompt twice. */
export function promptKey(prompt: string): string {
  return prompt.trim().replace(/\s+/g, ' ').toLowerCase();
}

function slug(category: string): string {
  const last = category.split('/').pop() ?? category;
  return last.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '') || 'prompt';
}

/** Loads a prompt set; a bad file is a user error naming it (with line numbers for YAML/JSON). */
export function loadPrompts(file: string): PromptSet {
  const display = path.relative(process.cwd(), file) || file;
  const raw: { category?: string; prompt: string; id?: string }[] = [];
  let system: string | undefined;
  if (/\.(ya?ml|json)$/i.test(file)) {
    const { yaml, problems } = readYaml(file, display);
    if (!yaml) throw new ValidationError(problems, `prompt file ${display} cannot be read`);
    const data = yaml.data as { prompts?: unknown; system?: unknown } | unknown[] | null;
    const base: PropertyKey[] = Array.isArray(data) ? [] : ['prompts'];
    const items = Array.isArray(data) ? data : data && typeof data === 'object' && Array.isArray(data.prompts) ? data.prompts : undefined;
    if (!items) throw new ValidationError([{ file: display, line: 1, message: 'expected a list of prompts, or `prompts:` with one' }], `prompt file ${display} is not a prompt list`);
    if (!Array.isArray(data) && typeof data?.system === 'string' && data.system.trim() !== '') system = data.system;
    const bad: Problem[] = [];
    for (const [i, item] of items.entries()) {
      const r = itemSchema.safeParse(item);
      if (!r.success) {
        bad.push({ file: display, line: yaml.lineOf([...base, i]), path: formatPath([...base, i]), message: 'expected a prompt (text), { prompt, category?, id? } or { category, prompts: [...] }' });
        continue;
      }
      const it = r.data;
      if (typeof it === 'string') raw.push({ prompt: it });
      else if ('prompts' in it) for (const p of it.prompts) raw.push({ category: it.category, prompt: p });
      else raw.push(it);
    }
    if (bad.length > 0) throw new ValidationError(bad, `prompt file ${display} is not a prompt list`);
  } else {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      throw new UserError('E_INPUT', `cannot read prompt file ${display}: ${code === 'ENOENT' ? 'file not found' : (err as Error).message}`, 'give a text file with one prompt per line, or a YAML/JSON list');
    }
    for (const line of text.split(/\r?\n/)) if (line.trim() !== '' && !line.trimStart().startsWith('#')) raw.push({ prompt: line.trim() });
  }
  const seen = new Set<string>();
  const ids = new Set<string>();
  const counters = new Map<string, number>();
  const prompts: PromptEntry[] = [];
  let duplicates = 0;
  for (const r of raw) {
    const key = promptKey(r.prompt);
    if (seen.has(key)) {
      duplicates++;
      continue;
    }
    seen.add(key);
    const category = r.category ?? 'augment';
    let id = r.id;
    if (id === undefined) {
      const base = slug(category);
      do {
        const n = (counters.get(base) ?? 0) + 1;
        counters.set(base, n);
        id = `${base}-${String(n).padStart(3, '0')}`;
      } while (ids.has(id));
    }
    if (ids.has(id)) throw new UserError('E_INPUT', `prompt id "${id}" appears twice in ${display}`, 'give every prompt its own id');
    ids.add(id);
    prompts.push({ id, category, prompt: r.prompt.trim() });
  }
  if (prompts.length === 0) throw new UserError('E_INPUT', `no prompts in ${display}`, 'write one prompt per line (text), or a YAML/JSON list of prompts');
  return { file: path.resolve(file), ...(system ? { system } : {}), prompts, duplicates };
}
