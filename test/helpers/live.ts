// Shared set-up for live-provider tests: the core suite and answers keyed by prompt from the fixtures.
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { loadSuites } from '../../src/suite/multi.js';
import type { Suite } from '../../src/types/suite.js';
import { ROOT } from './cli.js';
import { startOpenAIServer, type OpenAIServer } from './openai-server.js';

/** A fake API key made of parts, so no key-shaped literal sits in the repository. */
export const FAKE_KEY = ['sk', 'test', 'NEVER', 'STORE', 'x'.repeat(24)].join('-');

/** The shipped core suite. */
export async function coreSuite(): Promise<Suite> {
  return (await loadSuites([path.join(ROOT, 'suites/core.yaml')])).suite;
}

/** Recorded answers of a replay model, keyed by the case prompt (what the server sees). */
export function answersByPrompt(suite: Suite, label = 'v2'): Map<string, string> {
  const dir = path.join(ROOT, 'fixtures/responses', label);
  const map = new Map<string, string>();
  for (const c of suite.cases) {
    const file = path.join(dir, `${c.id}.md`);
    if (existsSync(file)) map.set(c.prompt, readFileSync(file, 'utf8'));
  }
  return map;
}

/** Every file under `dir` whose bytes contain `needle`. */
export function filesContaining(dir: string, needle: string): string[] {
  const hits: string[] = [];
  for (const name of readdirSync(dir, { recursive: true }) as string[]) {
    const file = path.join(dir, name);
    if (statSync(file).isFile() && readFileSync(file).includes(Buffer.from(needle))) hits.push(file);
  }
  return hits;
}

/** A loopback server answering the core suite's prompts with the recorded v2 answers; sets L4D2_TEST_KEY. */
export async function coreServer(): Promise<{ server: OpenAIServer; n: number }> {
  process.env.L4D2_TEST_KEY = FAKE_KEY;
  const suite = await coreSuite();
  return { server: await startOpenAIServer({ answers: answersByPrompt(suite) }), n: suite.cases.length };
}
