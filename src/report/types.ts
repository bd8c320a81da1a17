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

/** A pure renderer from a run to the text of one report file. */
export interface Reporter {
  /** Short name used on the command line, e.g. `md`. */
  name: string;
  /** File extension without the dot, e.g. `md`; '' for terminal-only output. */
  extension: string;
  description: string;
  render(run: RunResult, options: ReportOptions): string;
}
