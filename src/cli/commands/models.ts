// `l4d2-eval models`: every configured label with its connection, pricing and latest stored scores.
import { io } from '../../core/io.js';
import { loadConfig } from '../../config/load.js';
import { modelRows, type ModelRow } from '../../flywheel/models.js';
import type { ParsedFlags } from '../args.js';

const pct = (r: number | null) => (r === null ? 'n/a' : `${(r * 100).toFixed(0)}%`);

function block(m: ModelRow): string {
  const lines = [`${m.label}${m.description ? `  ${m.description}` : ''}`];
  lines.push(`  provider  ${m.provider}${m.provider === 'replay' ? ` (recordings in ${m.where})` : ` at ${m.where}`}`);
  lines.push(`  model     ${m.modelId}`);
  const p = m.pricing;
  lines.push(`  pricing   ${p ? `$${p.input}/$${p.output} per 1M in/out; batch $${p.batchInput}/$${p.batchOutput}` : 'none (cost not computed)'}`);
  const l = m.latest;
  lines.push(
    `  latest    ${
      l
        ? `${l.avgScore === null ? 'n/a' : `${l.avgScore.toFixed(2)}/10`}, pass ${pct(l.passRate)}, compile ${pct(l.compileRate)} over ${l.items} items${l.errors ? ` (${l.errors} errors)` : ''} — run ${l.runId} (${l.suite}, ${l.startedAt.slice(0, 10)})`
        : 'no stored run'
    }`,
  );
  return lines.join('\n');
}

/** Handler of `models`. */
export async function modelsCommand(values: ParsedFlags): Promise<number> {
  const config = loadConfig(values.config as string | undefined);
  const rows = modelRows(config);
  if (values.json === true) io.stdout.write(JSON.stringify({ config: config.file, models: rows }, null, 2) + '\n');
  else io.stdout.write(rows.map(block).join('\n\n') + '\n');
  return 0;
}
