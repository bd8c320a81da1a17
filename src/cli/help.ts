import { commands, flags, type CommandName, type CommandSpec, type FlagName } from './flags.js';

/** A flag as one command shows it: its own value name and description. */
interface FlagHelp {
  value?: string;
  description: string;
}

/**
 * Where a flag means something different per command (a folder here, a file there; another default), the command's
 * own words. A command in the table may also carry `help: { flag: 'text' }` (see CommandSpec.help).
 */
const OVERRIDES: Partial<Record<string, Partial<Record<FlagName, FlagHelp>>>> = {
  run: {
    out: { value: 'DIR', description: "Report folder (default: the config's `out`, else reports/latest)" },
    format: { value: 'LIST', description: "Report formats, comma-separated: md, csv, json, html, junit (default: the config's `formats`, else md,csv,json,html)" },
    resume: { value: 'RUN_ID', description: 'Finish a stored run: items not yet stored, and items that ended in an error, are asked (again); see `runs`' },
  },
  report: {
    out: { value: 'DIR', description: 'Report folder (default reports/latest)' },
    format: { value: 'LIST', description: "Report formats, comma-separated: md, csv, json, html, junit (default: the config's `formats`, else md,csv,json,html)" },
  },
  check: {
    out: { value: 'DIR', description: 'Folder for accepted.jsonl, rejected.jsonl and the report (default reports/check)' },
    'min-score': { value: 'N', description: 'Minimum evaluator score (0-10) to accept an example (default 7)' },
  },
  augment: { 'min-score': { value: 'N', description: 'Minimum evaluator score (0-10) to accept an answer (default 7)' } },
  merge: { format: { value: 'LIST', description: 'Report formats, comma-separated: md, csv, json, html, junit (default md,csv,json,html; json is always written)' } },
  compare: {
    out: { value: 'DIR', description: "Folder for the comparison (default: `compare` beside the config's `out` folder, else reports/compare)" },
    format: { value: 'LIST', description: 'Comparison formats, comma-separated: md, json, junit, html (default: all)' },
  },
  gate: { out: { value: 'DIR', description: 'Also write the comparison, gate.json (and results.json of a run made by the gate) to this folder (default: none)' } },
  batch: {
    out: { value: 'DIR', description: "Report folder of a collected run (default: the config's `out`, else reports/latest)" },
    format: { value: 'LIST', description: "Report formats of a collected run (default: the config's `formats`, else md,csv,json,html)" },
    'no-cache': { description: 'Neither read nor write the response cache (collected and resubmitted answers)' },
  },
  index: { out: { value: 'FILE', description: 'Write the API index JSON to FILE (default: standard output)' } },
};

// "cmd: text; other, third --flag: text": the parts of a shared description, each for the commands it names.
const PART = /;\s+(?=[a-z][a-z-]*(?: [a-z-]+)*(?:,\s*[a-z][a-z-]*(?: [a-z-]+)*)*:\s)/;
const PREFIX = /^([a-z][a-z-]*(?: [a-z-]+)*(?:,\s*[a-z][a-z-]*(?: [a-z-]+)*)*):\s([\s\S]*)$/;

/** A shared description cut down to the part for `command` (other commands' parts never show in its help). */
export function descriptionFor(command: string, description: string): string {
  const parts = description.split(PART).map((p) => PREFIX.exec(p));
  if (!parts.every(Boolean)) return description;
  // The part naming this command; a description written for one other command reads the same here, minus its name.
  const mine = parts.find((m) => m![1]!.split(/,\s*/).some((entry) => entry.split(' ')[0] === command)) ?? (parts.length === 1 ? parts[0] : undefined);
  return mine ? mine[2]!.charAt(0).toUpperCase() + mine[2]!.slice(1) : description;
}

/** How `command` shows flag `name`. */
export function flagHelp(command: string | undefined, name: FlagName): FlagHelp {
  const f = flags[name];
  const own = command ? (OVERRIDES[command]?.[name] ?? (commands[command as CommandName] as CommandSpec | undefined)?.help?.[name]) : undefined;
  if (typeof own === 'string') return { ...('value' in f ? { value: f.value } : {}), description: own };
  if (own) return own;
  return { ...('value' in f ? { value: f.value } : {}), description: command ? descriptionFor(command, f.description) : f.description };
}

function flagLine(name: FlagName, command?: string): string {
  const f = flags[name];
  const h = flagHelp(command, name);
  const short = 'short' in f ? `-${f.short}, ` : '    ';
  const left = `  ${short}--${name}${h.value ? ` ${h.value}` : ''}`;
  return `${left.padEnd(28)} ${h.description}`;
}

/** Help for the whole tool or one command, generated from the flag table. */
export function helpText(command?: CommandName): string {
  if (command) {
    const c = commands[command];
    return [
      `Usage: l4d2-eval ${command} ${c.args}`.trimEnd(),
      '',
      c.summary,
      '',
      'Options:',
      ...[...c.flags, 'help' as const].map((n) => flagLine(n, command)),
      '',
      'Exit codes: 0 ok; 1 failed (a gate, or a scored answer did not pass); 2 usage, config, input or environment error; 3 items could not be judged; 130 interrupted.',
      '',
    ].join('\n');
  }
  const names = Object.keys(commands) as CommandName[];
  return [
    'l4d2-eval: evaluation and regression harness for models that write L4D2 SourceMod plugins',
    '',
    'Usage: l4d2-eval <command> [options]',
    '',
    'Commands:',
    ...names.map((n) => `  ${`${n} ${commands[n].args}`.padEnd(34)} ${commands[n].summary}`),
    '',
    'Global options:',
    flagLine('help'),
    flagLine('version'),
    '',
    'Exit codes: 0 ok; 1 gate failed, or a scored file did not pass; 2 usage, config, input or environment error;',
    '            3 run: items could not be judged (provider or compiler; see --allow-errors); 130 interrupted.',
    'Run `l4d2-eval <command> --help` for a command\'s options.',
    '',
  ].join('\n');
}
