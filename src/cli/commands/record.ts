import { io } from '../../core/io.js';
import path from 'node:path';
import { loadConfig } from '../../config/load.js';
import { recordRun, MANIFEST_FILE } from '../../adopt/record.js';
import { UsageError } from '../../core/errors.js';
import { RunStore } from '../../run/store.js';
import type { ParsedFlags } from '../args.js';

/** `l4d2-eval record`: a stored run's real answers of one model as replay files with a manifest. */
export async function recordCommand(values: ParsedFlags, _positionals: string[]): Promise<number> {
  const runId = values.run;
  const label = values.model;
  const out = values.out;
  if (typeof runId !== 'string' || typeof label !== 'string' || typeof out !== 'string') {
    throw new UsageError('record needs --run RUN_ID, --model LABEL and --out DIR', 'e.g. l4d2-eval record --run 20261203-221500-1a2b3c --model v2 --out fixtures/responses/v2 (run ids: `l4d2-eval runs`)');
  }
  const config = loadConfig(values.config as string | undefined);
  const store = new RunStore(config.storeFile);
  let result;
  try {
    result = recordRun(store, runId, label, path.resolve(out));
  } finally {
    store.close();
  }
  const { manifest } = result;
  if (values.json === true) {
    io.stdout.write(`${JSON.stringify({ dir: result.dir, manifest: path.join(result.dir, MANIFEST_FILE), answers: manifest.answers, missing: manifest.missing, replaced: result.replaced.length }, null, 2)}\n`);
    return 0;
  }
  const rel = path.relative(process.cwd(), result.dir) || '.';
  io.stdout.write(`Recorded ${manifest.answers} answers of ${label} (${manifest.model.id}) from run ${runId} into ${rel}/ with ${MANIFEST_FILE}`);
  io.stdout.write(result.replaced.length > 0 ? `; ${result.replaced.length} existing answer files replaced\n` : '\n');
  for (const m of manifest.missing) io.stderr.write(`warning: no answer for ${m.caseId} sample ${m.sample} (${m.error}): not recorded, a replay of it will be an error item\n`);
  io.stdout.write(`Replay them with a model such as:\n  ${label}-recorded:\n    provider: replay\n    id: ${manifest.model.id}\n    dir: ${path.relative(config.dir, result.dir) || '.'}\n`);
  return 0;
}
