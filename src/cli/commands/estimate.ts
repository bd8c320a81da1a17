import { io } from '../../core/io.js';
import path from 'node:path';
import Table from 'cli-table3';
import { loadConfig } from '../../config/load.js';
import { selectModels } from '../../config/models.js';
import { estimateRun, DEFAULT_OUTPUT_TOKENS } from '../../cost/estimate.js';
import { RunStore } from '../../run/store.js';
import { loadSuites } from '../../suite/multi.js';
import { intFlag, listFlag, type ParsedFlags } from '../args.js';

const usd = (v: number | null) => (v === null ? 'no pricing' : `$${v.toFixed(4)}`);

/** `l4d2-eval estimate`: tokens and dollars of a run, direct and Batch, before spending anything. */
export async function estimateCommand(values: ParsedFlags, positionals: string[]): Promise<number> {
  const config = loadConfig(values.config as string | undefined);
  const files = positionals.length > 0 ? positionals : [path.relative(process.cwd(), config.suite) || config.suite];
  const { suite } = await loadSuites(files);
  const models = selectModels(config, listFlag(values.models), suite.models ? { labels: suite.models, file: suite.files[0]! } : undefined);
  const store = new RunStore(config.storeFile);
  const history = store.outputTokensByCase();
  store.close();
  const rows = estimateRun(suite, models, history, intFlag('output-tokens', values['output-tokens']) ?? DEFAULT_OUTPUT_TOKENS);
  const total = { direct: rows.reduce((s, r) => s + (r.direct ?? 0), 0), batch: rows.reduce((s, r) => s + (r.batch ?? 0), 0) };
  if (values.json === true) {
    io.stdout.write(JSON.stringify({ suite: suite.name, models: rows, total }, null, 2) + '\n');
    return 0;
  }
  const batchOnly = values.batch === true;
  const table = new Table({ head: ['model', 'items', 'input tok', 'output tok', batchOnly ? 'batch' : 'direct', ...(batchOnly ? [] : ['batch'])], style: { head: [], border: [] } });
  for (const r of rows) table.push([r.label, String(r.items), String(r.inputTokens), String(r.outputTokens), usd(batchOnly ? r.batch : r.direct), ...(batchOnly ? [] : [usd(r.batch)])]);
  io.stdout.write(table.toString() + '\n');
  io.stdout.write(`\nTotal: ${batchOnly ? `$${total.batch.toFixed(4)} with the Batch API` : `$${total.direct.toFixed(4)} direct, $${total.batch.toFixed(4)} with the Batch API`}.\n`);
  const known = rows[0]?.fromHistory ?? 0;
  io.stdout.write(`Output sizes: ${known} of ${suite.cases.length} cases from earlier runs, the rest ${intFlag('output-tokens', values['output-tokens']) ?? DEFAULT_OUTPUT_TOKENS} tokens each (--output-tokens). Cached answers would cost nothing.\n`);
  return 0;
}
