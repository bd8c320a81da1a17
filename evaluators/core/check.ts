/** Outcome of one check on one answer. `error` means the check itself could not judge (not the model's fault). */
export type CheckStatus = 'pass' | 'fail' | 'error';

/** A location in the extracted code, 1-based line and column. */
export interface CodeLocation {
  line: number;
  column: number;
  message: string;
}

/** What an evaluator returns: pure data, never thrown. */
export interface CheckOutcome {
  status: CheckStatus;
  /** One line a person can read: why it failed (or what passed). */
  reason: string;
  /** Optional positions in the code the reason is about. */
  locations?: CodeLocation[];
  /** Optional structured extras (e.g. matched names, rule violations). */
  details?: Record<string, unknown>;
}

/** A check as it ran inside a case: the outcome plus its identity and weight. */
export interface CheckResult extends CheckOutcome {
  /** Check kind, e.g. `calls`. */
  kind: string;
  /** Stable id within the case, e.g. `calls:HookEvent` or the suite's explicit id. */
  id: string;
  weight: number;
  required: boolean;
  /** Convenience for reports and JSON: status === 'pass'. */
  pass: boolean;
}
