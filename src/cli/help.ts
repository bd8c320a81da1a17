import { commands, flags, type CommandName, type FlagName } from './flags.js';

function flagLine(name: FlagName): string {
  const f = flags[name];
  const short = 'short' in f ? `-${f.short}, ` : '    ';
  const left = `  ${short}--${name}${'value' in f ? ` ${f.value}` : ''}`;
  return `${left.padEnd(28)} ${f.description}`;
}

/** Help for the whole tool or one command, generated from the flag table. */
export function helpText(command?: CommandName): string {
  if (command) {
    const c = commands[command];
    return [`Usage: l4d2-eval ${command} ${c.args}`.trimEnd(), '', c.summary, '', 'Options:', ...[...c.flags, 'help' as const].map(flagLine), ''].join('\n');
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
