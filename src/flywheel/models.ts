// What `models` shows per configured label: connection, pricing and the latest stored scores.
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Config } from '../config/load.js';
import type { ModelConfig } from '../config/schema.js';
import { pricingFor, type Pricing } from '../cost/pricing.js';
import { resolveEndpoint } from '../providers/openai.js';
import { loadRun } from '../run/session.js';
import { RunStore } from '../run/store.js';
import { AUGMENT_SUITE_FILE } from './suite-file.js';

/** Latest stored figures of a label. */
export interface LatestScores {
  runId: string;
  startedAt: string;
  suite: string;
  items: number;
  errors: number;
  avgScore: number | null;
  passRate: number | null;
  compileRate: number | null;
}

/** One line of `models`. */
export interface ModelRow {
  label: string;
  provider: string;
  modelId: string;
  description?: string;
  /** Host of the base URL (openai), or the recordings folder (replay). */
  where: string;
  pricing: Pricing | null;
  latest: LatestScores | null;
}

function whereOf(m: ModelConfig): string {
  if (m.provider === 'replay') return m.dir ?? `fixtures/responses/${m.label}`;
  const url = resolveEndpoint(m).baseURL;
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

/** Every configured label with its latest finished run in the run store (none when the store does not exist). */
export function modelRows(config: Config): ModelRow[] {
  const store = existsSync(config.storeFile) ? new RunStore(config.storeFile) : undefined;
  try {
    // Evaluation runs only: an augment run answers training prompts, not a suite the models are compared on.
    const isAugment = (runId: string) => store?.meta(runId)?.entryFiles?.some((f) => path.basename(f) === AUGMENT_SUITE_FILE) === true;
    const runs = store?.list().filter((r) => r.status === 'finished' && !isAugment(r.runId)) ?? [];
    const loaded = new Map<string, ReturnType<typeof loadRun>>();
    return Object.values(config.models).map((m) => {
      const row = runs.find((r) => r.models.some((x) => x.label === m.label && x.items > x.errors));
      let latest: LatestScores | null = null;
      if (row && store) {
        if (!loaded.has(row.runId)) loaded.set(row.runId, loadRun(store, row.runId));
        const s = loaded.get(row.runId)?.models.find((x) => x.label === m.label);
        if (s) latest = { runId: row.runId, startedAt: row.startedAt, suite: row.suite, items: s.items, errors: s.errors, avgScore: s.avgScore, passRate: s.passRate, compileRate: s.compileRate ?? null };
      }
      return { label: m.label, provider: m.provider, modelId: m.id, ...(m.description ? { description: m.description } : {}), where: whereOf(m), pricing: pricingFor(m) ?? null, latest };
    });
  } finally {
    store?.close();
  }
}
