// One compiler message, as spcomp prints it and as the static check writes it.

/** One compiler message. `file` is ANSWER_FILE for the answer's main code, a companion's name, or an include's path. */
export interface Diagnostic {
  severity: 'error' | 'warning' | 'fatal';
  code: number | null;
  file: string;
  /** 1-based line in that file (for the main code: in the extracted code); null when the compiler gave none. */
  line: number | null;
  /** 1-based column when known. */
  column?: number | null;
  message: string;
}

/** The name diagnostics use for the answer's main code. */
export const ANSWER_FILE = 'plugin.sp';
