// One table drives the CLI: every flag and command with its description; --help is generated from it.

/** A command-line flag. */
export interface FlagSpec {
  type: 'string' | 'boolean';
  description: string;
  short?: string;
  /** Shown in help as the value's name. */
  value?: string;
}

export const flags = {
  config: { type: 'string', value: 'FILE', description: 'Config file (default ./l4d2-eval.config.yaml)' },
  models: { type: 'string', value: 'A,B', description: 'Model labels from the config, comma-separated; the first is the baseline' },
  out: { type: 'string', value: 'DIR', description: 'Report folder (default reports/latest)' },
  format: { type: 'string', value: 'LIST', description: 'Report formats, comma-separated: md, csv, json, html, junit (run, report: default the config\'s formats, else md,csv,json,html; compare: all)' },
  templates: { type: 'string', value: 'DIR', description: 'Folder with your own Handlebars templates (report.md.hbs)' },
  concurrency: { type: 'string', value: 'N', description: 'Items in flight at once across all models (default: every model\'s own limit together)' },
  'model-concurrency': { type: 'string', value: 'N', description: 'Requests in flight at once per model, over each model\'s `concurrency` in the config (default that, else 8)' },
  suite: { type: 'string', value: 'FILE', description: 'score: suite holding the case to score against; history: only runs of this suite (name or file); calibrate: suite with the labelled cases (their prompts and judge checks)' },
  case: { type: 'string', value: 'ID', description: 'score: case id whose checks are applied' },
  'min-score': { type: 'string', value: 'N', description: 'check: minimum evaluator score (0-10) to accept an example (default 7; also augment); gate: minimum average score /10' },
  rules: { type: 'string', value: 'IDS', description: 'check: rule ids of the L4D2 rule pack to apply, comma-separated (default all)' },
  'max-tokens': { type: 'string', value: 'N', description: 'check: reject examples over N tokens, o200k_base (default 16384)' },
  'near-dup': { type: 'string', value: 'X', description: 'check, augment: similarity (0-1) above which code is a near duplicate (default 0.9)' },
  sample: { type: 'string', value: 'N', description: 'check: judge a reproducible random subset of N examples' },
  seed: { type: 'string', value: 'S', description: 'check: seed of --sample (default 1); compare, gate: bootstrap seed (default fixed, so reports are reproducible)' },
  'to-suite': { type: 'string', value: 'FILE', description: 'check: write the accepted prompts as a suite YAML with the default checks' },
  'no-inline-reasons': { type: 'boolean', description: 'check: keep rejected lines unchanged and write reasons to rejected.reasons.jsonl' },
  baseline: { type: 'string', value: 'LABEL', description: 'gate: the model the candidate is compared with (e.g. the one in production)' },
  candidate: { type: 'string', value: 'LABEL', description: 'gate: the model that wants to be promoted' },
  'min-pass-rate': { type: 'string', value: 'R', description: 'gate: minimum pass rate, 0-1 or a percentage (overrides gate.min_pass_rate)' },
  'min-syntax-rate': { type: 'string', value: 'R', description: 'gate: minimum syntax-valid rate, 0-1 or a percentage' },
  'min-compile-rate': { type: 'string', value: 'R', description: 'gate: minimum compile rate (spcomp, else the static check), 0-1 or a percentage' },
  'min-api-accuracy': { type: 'string', value: 'R', description: 'gate: minimum API accuracy, 0-1 or a percentage' },
  'max-unknown-apis': { type: 'string', value: 'N', description: 'gate: maximum distinct unknown (invented) API names' },
  'max-regressions': { type: 'string', value: 'N', description: 'gate: maximum number of cases regressed against the baseline' },
  'max-p-worse': { type: 'string', value: 'P', description: 'gate: fail when the candidate is worse than the baseline with p below P (e.g. 0.05)' },
  'pass-k': { type: 'string', value: 'LIST', description: 'compare: k values of pass@k besides 1, comma-separated (with several samples per case)' },
  history: { type: 'string', value: 'DIR', description: 'compare, report: add the score trend of the models from the results.json files under DIR (and the run store)' },
  'no-lines': { type: 'boolean', description: 'index: leave out declaration line numbers (when indexing excerpts whose lines are not the originals)' },
  describes: { type: 'string', value: 'LIST', description: "index: versions of the includes, e.g. left4dhooks=1.159,sourcemod=1.12.0.7200 (added to those read from version defines)" },
  source: { type: 'string', value: 'LIST', description: 'index: where each include folder comes from, in folder order, recorded as provenance: NAME=OWNER/REPO@COMMIT[:PATH], comma-separated' },
  dir: { type: 'string', value: 'DIR', description: 'history: folder searched recursively for results.json (default reports)' },
  model: { type: 'string', value: 'LABEL', description: 'history: only this model label; record: the model whose answers are exported; generate, chat, augment: the model to ask' },
  'no-cache': { type: 'boolean', description: 'run, gate, compare: neither read nor write cached answers and judgements (a parsed suite is still reused while its files are unchanged)' },
  refresh: { type: 'boolean', description: 'run, gate, compare: ask again and overwrite cached answers' },
  resume: { type: 'string', value: 'RUN_ID', description: 'run: finish an interrupted run; stored items are not asked again (see `runs`)' },
  'allow-errors': { type: 'string', value: 'N', description: 'run: exit 0 even when up to N items could not be judged (provider or compiler trouble); default 0, above it exit 3' },
  'max-cost': { type: 'string', value: 'USD', description: 'run, augment: refuse to start when the estimated cost is above USD dollars' },
  'allow-unpriced': { type: 'boolean', description: 'run: with --max-cost, let models without a price run (their cost is not counted)' },
  run: { type: 'string', value: 'IDS', description: 'report: render stored runs by id, comma-separated (see `runs`); record: the stored run to export' },
  shard: { type: 'string', value: 'I/N', description: 'run: run only shard I of N of the plan (one per CI runner), then join the results with `merge`' },
  yes: { type: 'boolean', short: 'y', description: 'init: no questions (the defaults)' },
  batch: { type: 'boolean', description: 'run: submit to the OpenAI Batch API (half price, results within 24 h; openai models only); estimate: show Batch API prices only; augment: generate through the Batch API (run augment again to collect)' },
  wait: { type: 'boolean', description: 'batch collect, augment --batch: poll until every batch has ended; finetune: follow the job until it ends' },
  poll: { type: 'string', value: 'SECONDS', description: 'batch collect, augment, finetune --wait: seconds between polls (default 30)' },
  resubmit: { type: 'boolean', description: 'batch collect: send the missing items (failed, expired, cancelled) again in a new batch' },
  'output-tokens': { type: 'string', value: 'N', description: 'estimate: output tokens assumed for cases no earlier run answered (default 700)' },
  file: { type: 'string', value: 'FILE', description: 'generate: read the prompt from FILE (else the argument, else stdin)' },
  samples: { type: 'string', value: 'N', description: 'augment: answers asked per prompt (default 1)' },
  against: { type: 'string', value: 'FILES', description: 'augment: existing training JSONL files, comma-separated: answers whose code duplicates theirs (exactly or nearly) are rejected' },
  from: { type: 'string', value: 'LABEL', description: 'finetune: the model label whose connection (base URL, key) uploads and trains; its model id is the default base' },
  suffix: { type: 'string', value: 'NAME', description: 'finetune: suffix of the fine-tuned model name (e.g. l4d2-v3)' },
  as: { type: 'string', value: 'LABEL', description: 'finetune: model label added to the config for the fine-tuned model once the job succeeds' },
  base: { type: 'string', value: 'MODEL_ID', description: 'finetune: base model id to train (default: the --from label\'s model id)' },
  validation: { type: 'string', value: 'FILE', description: 'finetune: validation JSONL, checked like the training file' },
  epochs: { type: 'string', value: 'N', description: 'finetune: training epochs (default: the API chooses)' },
  force: { type: 'boolean', description: 'finetune: upload even when the check rejects lines' },
  port: { type: 'string', value: 'N', description: 'serve: port to listen on (default 8787; 0 picks a free one)' },
  host: { type: 'string', value: 'ADDR', description: 'serve: address to bind (default 127.0.0.1; another needs --token, else one is generated and printed)' },
  open: { type: 'boolean', description: 'serve: open the page in the desktop browser' },
  token: { type: 'string', value: 'T', description: 'serve: access token every request must carry (at least 16 characters; the printed URL holds it)' },
  judge: { type: 'string', value: 'LABEL', description: 'calibrate: the judge model label (default: the config\'s judge.model)' },
  rubric: { type: 'string', value: 'FILE', description: 'calibrate: rubric file (YAML with criteria:) the labelled answers are judged on' },
  json: { type: 'boolean', description: 'Print machine-readable JSON on stdout and nothing else' },
  quiet: { type: 'boolean', short: 'q', description: 'No progress output' },
  help: { type: 'boolean', short: 'h', description: 'Show help' },
  version: { type: 'boolean', short: 'v', description: 'Show the version' },
} as const satisfies Record<string, FlagSpec>;

export type FlagName = keyof typeof flags;

/** A sub-command: its argument shape, summary and accepted flags. */
export interface CommandSpec {
  args: string;
  summary: string;
  flags: readonly FlagName[];
  /** This command's own description of a flag, where the shared one does not fit (help.ts shows it). */
  help?: Partial<Record<FlagName, string>>;
}

export const commands = {
  run: {
    args: '[suite.yaml...]',
    summary: 'Run suites against models, score every answer, write reports (default suites/core.yaml, all models)',
    flags: ['config', 'models', 'out', 'format', 'templates', 'concurrency', 'model-concurrency', 'no-cache', 'refresh', 'resume', 'max-cost', 'allow-unpriced', 'allow-errors', 'batch', 'shard', 'json', 'quiet'],
  },
  score: {
    args: '<file.sp|answer.md|->...',
    summary: 'Score answers or plugin files (syntax, rules, API; or a case\'s checks with --suite/--case)',
    flags: ['config', 'suite', 'case', 'json'],
  },
  report: {
    args: '<results.json...>',
    summary: 'Re-render reports from result JSON files (several runs are shown side by side)',
    flags: ['config', 'run', 'out', 'format', 'templates', 'history', 'json', 'quiet'],
  },
  validate: {
    args: '[suite.yaml...]',
    summary: 'Check suites and the config; list every problem with file and line',
    flags: ['config', 'json'],
  },
  schema: {
    args: '',
    summary: 'Print the JSON Schema of the suite format',
    flags: [],
  },
  check: {
    args: '<file.jsonl...>',
    summary: 'Spot-check fine-tune JSONL: judge every answer, split into accepted/rejected, report why (default --out reports/check)',
    flags: ['out', 'min-score', 'rules', 'max-tokens', 'near-dup', 'sample', 'seed', 'to-suite', 'no-inline-reasons', 'json', 'quiet'],
  },
  compare: {
    args: '[results.json|label...]',
    summary: 'Compare runs or models side by side, first = baseline: CIs, paired tests, regressions with diffs (labels run the suite first)',
    flags: ['config', 'out', 'format', 'templates', 'history', 'seed', 'pass-k', 'concurrency', 'model-concurrency', 'no-cache', 'refresh', 'json', 'quiet'],
  },
  gate: {
    args: '[results.json...]',
    summary: 'CI gate: exit 1 when --candidate misses a threshold or regresses against --baseline (runs the suite when no files are given)',
    flags: ['config', 'baseline', 'candidate', 'min-score', 'min-pass-rate', 'min-syntax-rate', 'min-compile-rate', 'min-api-accuracy', 'max-unknown-apis', 'max-regressions', 'max-p-worse', 'out', 'templates', 'seed', 'concurrency', 'model-concurrency', 'no-cache', 'refresh', 'json', 'quiet'],
  },
  history: {
    args: '[results.json...]',
    summary: 'Scores of a model line across runs over time, from results.json files (default under reports/) and the run store',
    flags: ['config', 'dir', 'model', 'suite', 'json'],
  },
  runs: {
    args: '',
    summary: 'List the runs in the run store (id, date, suite, status, scores); unfinished ones can be resumed',
    flags: ['config', 'json'],
  },
  batch: {
    args: '<status|collect> [runId]',
    summary: 'Batch API runs (`run --batch`): show their state, or collect, judge and report the answers (default: the latest batch run)',
    flags: ['config', 'out', 'format', 'templates', 'wait', 'poll', 'resubmit', 'no-cache', 'json', 'quiet'],
  },
  calibrate: {
    args: '<labels.jsonl|labels.csv>',
    summary: 'Measure a judge against human labels: agreement, Cohen\'s kappa with a 95% CI, confusion matrix, criteria it disagrees on, answers it got wrong; saved for gate.min_judge_kappa',
    flags: ['config', 'judge', 'rubric', 'suite', 'no-cache', 'json'],
  },
  estimate: {
    args: '[suite.yaml...]',
    summary: 'Estimate tokens and dollars of a run per model, direct and Batch API, before spending anything',
    flags: ['config', 'models', 'batch', 'output-tokens', 'json'],
  },
  generate: {
    args: '["prompt"]',
    summary: 'Ask a model once and judge its answer like `score` (prompt as argument, --file or stdin); --out writes the code, labelled as AI-generated',
    flags: ['config', 'model', 'file', 'out', 'json'],
    help: { out: 'Write the extracted code to this .sp file, its first line marking it as AI-generated' },
  },
  chat: {
    args: '',
    summary: 'Talk to a model on the terminal; every reply is scored (history kept in the session; /score, /save FILE.sp, /reset, /quit)',
    flags: ['config', 'model'],
  },
  models: {
    args: '',
    summary: 'List the configured model labels: provider, model id, base URL host, pricing and their latest stored scores',
    flags: ['config', 'json'],
  },
  augment: {
    args: '<prompts.txt|prompts.yaml>',
    summary: 'Generate training data: answers to the prompts (direct or --batch, resumable), judged like `check`, deduplicated (--against), written as DIR/accepted.jsonl and DIR/rejected.jsonl (default --out reports/augment)',
    flags: ['config', 'model', 'out', 'batch', 'samples', 'min-score', 'near-dup', 'against', 'max-cost', 'wait', 'poll', 'concurrency', 'no-cache', 'refresh', 'json', 'quiet'],
    help: { out: 'Folder for accepted.jsonl, rejected.jsonl, the report and the generated suite (default reports/augment)' },
  },
  finetune: {
    args: '<train.jsonl> | status [jobId] | cancel [jobId]',
    summary: 'Check the file like `check`, upload it, start a fine-tuning job through the --from label\'s connection, follow it (--wait) and add the --as label to the config; status/cancel act on a stored job',
    flags: ['config', 'from', 'suffix', 'as', 'base', 'validation', 'epochs', 'force', 'out', 'wait', 'poll', 'json', 'quiet'],
    help: { out: 'Folder for the check of the training (and validation) file (default reports/finetune-check)' },
  },
  index: {
    args: '<include-folder...>',
    summary: 'Index SourceMod include folders (natives, stocks, forwards, enums, methodmaps, defines) into an API index JSON (--out FILE, else stdout)',
    flags: ['out', 'describes', 'source', 'no-lines', 'json'],
  },
  init: {
    args: '[dir]',
    summary: 'Start a project: config, starter suite, sample recordings, .gitignore entries and a GitHub Actions workflow (never overwrites a file)',
    flags: ['yes', 'json'],
  },
  merge: {
    args: '<results.json...>',
    summary: 'Join the results of `run --shard i/n` into one run (refuses mixed plans, missing or overlapping shards) and write its reports',
    flags: ['out', 'format', 'templates', 'json', 'quiet'],
  },
  record: {
    args: '',
    summary: 'Export the answers a model gave in a stored run as replay files with a manifest (--run ID --model LABEL --out DIR)',
    flags: ['config', 'run', 'model', 'out', 'json'],
  },
  doctor: {
    args: '',
    summary: 'Show what this machine will use and why: spcomp, include folders, API index, config, models and their keys, cache, store, Node',
    flags: ['config', 'json'],
  },
  serve: {
    args: '',
    summary: 'Local web workbench: try a model on a case or prompt and see the answer judged live; browse, open and compare stored runs (Ctrl-C stops, exit 130)',
    flags: ['config', 'port', 'host', 'open', 'token'],
  },
} as const satisfies Record<string, CommandSpec>;

export type CommandName = keyof typeof commands;
