// A temp project for the serve tests: the shipped config plus a live model pointed at a loopback OpenAI server
// (its key read from an environment variable, as users do), and optionally stored replay runs.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import { parse, stringify } from 'yaml';
import { cli, tempProject } from '../helpers/cli.js';
import { FAKE_KEY } from '../helpers/live.js';

/** The environment variable holding the live model's key, and its value (must never appear in a response). */
export const KEY_VAR = 'L4D2_SERVE_TEST_KEY';
export const SECRET_KEY = FAKE_KEY;

/** Writes the project's config with a `live` openai model at `baseURL`; returns the project folder. */
export function serveProject(baseURL: string): string {
  process.env[KEY_VAR] = SECRET_KEY;
  const project = tempProject();
  const file = path.join(project, 'l4d2-eval.config.yaml');
  const config = parse(readFileSync(file, 'utf8')) as { models: Record<string, unknown> };
  config.models.live = { provider: 'openai', id: 'loopback-model', baseURL, apiKey: `\${${KEY_VAR}}`, pricing: { input: 0.3, output: 1.2 } };
  writeFileSync(file, stringify(config));
  return project;
}

/** Stores a replay run of the given models in the project's run store; returns its id. */
export async function storeRun(project: string, models: string): Promise<string> {
  const r = await cli(['run', '--models', models, '--format', 'json', '--out', path.join(project, 'out', models.replace(/,/g, '-')), '--json'], project);
  expect(r.code, r.stderr).toBe(0);
  return (JSON.parse(r.stdout) as { runId: string }).runId;
}
