import type { HistoryPoint } from '../analysis/types.js';
import type { RunResult } from '../types/run.js';

/** Options every reporter accepts; each one ignores what it does not use. */
export interface ReportOptions {
  /** Folder with a user's `report.md.hbs` (and `partials/*.hbs`) overriding the shipped templates. */
  templateDir?: string;
  /** Emit ANSI colours (terminal table only). The CLI decides from TTY and NO_COLOR. */
  color?: boolean;
  /** Earlier runs' figures (e.g. from `--history DIR`): the HTML report draws the score trend from them. */
  history?: HistoryPoint[];
  /** Bootstrap seed of the HTML report's intervals and verdicts (`compare --seed`); default fixed. */
  seed?: number;
}

/** One entry of an output registry (`reporters`, `compareOutputs`): the file it is written to and its pure renderer. */
export interface OutputFormat<Doc, Options> {
  /** File name in the output folder; '' for terminal-only output. */
  file: string;
  render(doc: Doc, options: Options): string;
}

/** A pure renderer from a run to the text of one report file. */
export interface Reporter extends OutputFormat<RunResult, ReportOptions> {
  /** Short name used on the command line, e.g. `md`. */
  name: string;
  /** File extension without the dot, e.g. `md`. */
  extension: string;
  description: string;
}
