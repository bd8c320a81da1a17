import { io } from '../../core/io.js';
import path from 'node:path';
import Table from 'cli-table3';
import { loadConfig } from '../../config/load.js';
import { selectModels } from '../../config/models.js';
import { estimateRun, DEFAULT_OUTPUT_TOKENS } from '../../cost/estimate.js';
import { RunStore } from '../../run/store.js';
import { loadSuites } from '../../suite/multi.js';
import { intFlag, listFlag, type ParsedFlags } from '../args.js';
import { estimateJudges } from '../../judge/estimate.js';
import { judgeModelsOf } from '../judging.js';

const usd = (v: number | null, replay = false) => (v === null ? (replay ? '$0 (replay)' : 'unknown') : `$${v.toFixed(4)}`);

/** `l4d2-eval estimate`: tokens and dollars of a run, direct and Batch, before spending anything. */
export async function estimateCommand(values: ParsedFlags, positionals: string[]): Promise<number> {
  const config = loadConfig(values.config as string | undefined);
  const files = positionals.length > 0 ? positionals : [path.relative(process.cwd(), config.suite) || config.suite];
  const { suite } = await loadSuites(files);
  const models = selectModels(config, listFlag(values.models), suite.models ? { labels: suite.models, file: suite.files[0]! } : undefined);
  const store = new RunStore(config.storeFile);
  const history = store.outputTokensByCase();
  store.close();
  const outputTokens = intFlag('output-tokens', values['output-tokens']) ?? DEFAULT_OUTPUT_TOKENS;
  // Judge calls of `judge` checks are rows of their own (`judge:LABEL`), always at direct prices (the judge is asked directly).
  const judges = judgeModelsOf(suite, config);
  const rows = [...estimateRun(suite, models, history, outputTokens), ...estimateJudges(suite, models, judges, config, history, outputTokens)];
  // The model of each row (the judges' rows last).
  const rowModels = [...models, ...judges];
  const total = { direct: rows.reduce((s, r) => s + (r.direct ?? 0), 0), batch: rows.reduce((s, r) => s + (r.batch ?? 0), 0) };
  if (values.json === true) {
    // null totals when a model has no price: unknown, not $0.
    const known = rows.every((r, i) => r.direct !== null || rowModels[i]!.provider === 'replay');
    io.stdout.write(JSON.stringify({ suite: suite.name, models: rows, total: known ? total : { direct: null, batch: null } }, null, 2) + '\n');
    return 0;
  }
  const batchOnly = values.batch === true;
  const table = new Table({ head: ['model', 'items', 'input tok', 'output tok', batchOnly ? 'batch' : 'direct', ...(batchOnly ? [] : ['batch'])], style: { head: [], border: [] } });
  rows.forEach((r, i) => {
    const replay = rowModels[i]!.provider === 'replay';
    table.push([r.label, String(r.items), String(r.inputTokens), String(r.outputTokens), usd(batchOnly ? r.batch : r.direct, replay), ...(batchOnly ? [] : [usd(r.batch, replay)])]);
  });
  io.stdout.write(table.toString() + '\n');
  // A model without a price makes the total unknown, never $0 (see `pricing:` in the config).
  const unpriced = rows.filter((r, i) => r.direct === null && rowModels[i]!.provider !== 'replay').map((r) => r.label);
  const priced = batchOnly ? `$${total.batch.toFixed(4)} with the Batch API` : `$${total.direct.toFixed(4)} direct, $${total.batch.toFixed(4)} with the Batch API`;
  if (unpriced.length > 0) {
    const others = unpriced.length < rows.length ? `; the priced models: ${priced}` : '';
    io.stdout.write(`\nTotal: unknown: ${unpriced.join(', ')} ha${unpriced.length > 1 ? 've' : 's'} no price (add \`pricing: { input, output }\` per 1M tokens to the model in the config)${others}.\n`);
  }
  else io.stdout.write(`\nTotal: ${priced}.\n`);
  const known = rows[0]?.fromHistory ?? 0;
  io.stdout.write(`Output sizes: ${known} of ${suite.cases.length} cases from earlier runs, the rest ${intFlag('output-tokens', values['output-tokens']) ?? DEFAULT_OUTPUT_TOKENS} tokens each (--output-tokens). Cached answers would cost nothing.\n`);
  return 0;
}
