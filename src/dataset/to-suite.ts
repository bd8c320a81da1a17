// Turns accepted prompts into a suite YAML (default checks only), written as the check goes so
// prompts are never all held in memory; the file is created with its first case.
import { createWriteStream, mkdirSync, type WriteStream } from 'node:fs';
import { once } from 'node:events';
import path from 'node:path';
import { stringify } from 'yaml';
import { hashText, normalizePrompt } from './normalize.js';

/** Topic keywords → category suffix; first match wins, so the more specific topics come first. */
const TOPICS: [RegExp, string][] = [
  [/\b(tank|witch|smoker|boomer|hunter|spitter|jockey|charger|special infected)s?\b/i, 'special-infected'],
  [/\b(survivors?|incap\w*|revive|heal\w*|medkit|pills|adrenaline|defib\w*|ledge)\b/i, 'survivors'],
  [/\b(director|horde|mob|panic|common infected|spawn\w*)\b/i, 'director'],
  [/\b(saferoom|safe room|finale|round|versus|survival|scavenge|rescue|map|campaign)\b/i, 'game-events'],
  [/\b(admin|command|menu|hud|chat|hint|print\w*|panel)\b/i, 'admin-hud'],
];

/** A `data/<topic>` category from the prompt's words. */
export function categoryOf(prompt: string): string {
  return `data/${TOPICS.find(([re]) => re.test(prompt))?.[1] ?? 'general'}`;
}

/** Prompts are Handlebars templates in suites: escape `{{` so a prompt renders as written. */
function escapeTemplate(prompt: string): string {
  return prompt.replace(/\{\{/g, '\\{{');
}

/** Writes a suite of prompts, one case per distinct prompt, ids `data-1`, `data-2`, … */
export class SuiteWriter {
  private stream: WriteStream | null = null;
  private readonly seen = new Set<string>();
  count = 0;

  constructor(
    readonly file: string,
    private readonly name: string,
    private readonly system: string | null,
  ) {}

  private header(): string {
    const defaults: Record<string, unknown> = {};
    if (this.system) defaults.system = this.system;
    defaults.checks = [
      { kind: 'syntax', required: true, weight: 2 },
      { kind: 'rule', weight: 2 },
      { kind: 'api', weight: 2 },
    ];
    return stringify({ name: this.name, description: 'Prompts of accepted training examples (l4d2-eval check --to-suite).', defaults }) + 'cases:\n';
  }

  async add(prompt: string): Promise<void> {
    if (prompt.trim() === '') return;
    const h = hashText(normalizePrompt(prompt));
    if (this.seen.has(h)) return;
    this.seen.add(h);
    if (!this.stream) {
      mkdirSync(path.dirname(path.resolve(this.file)), { recursive: true });
      this.stream = createWriteStream(this.file);
      this.stream.write(this.header());
    }
    this.count++;
    const entry = stringify([{ id: `data-${this.count}`, category: categoryOf(prompt), prompt: escapeTemplate(prompt) }], { lineWidth: 0 });
    const text = entry.replace(/^/gm, '  ').replace(/^ +$/gm, '');
    if (!this.stream.write(text.endsWith('\n') ? text : text + '\n')) await once(this.stream, 'drain');
  }

  /** Closes the file; false when no prompt was written (then no file exists). */
  async close(): Promise<boolean> {
    const s = this.stream;
    if (!s) return false;
    await new Promise<void>((resolve, reject) => s.end((err?: Error | null) => (err ? reject(err) : resolve())));
    return true;
  }
}
