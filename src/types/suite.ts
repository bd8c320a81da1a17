/** A check of a case, validated: its kind exists and its options parsed. */
export interface CheckSpec {
  kind: string;
  id: string;
  weight: number;
  required: boolean;
  description?: string;
  /** Options as parsed by the evaluator's schema. */
  options: unknown;
}

/** A case ready to run: prompt rendered, defaults applied. */
export interface CaseSpec {
  id: string;
  category: string;
  tags: string[];
  weight: number;
  prompt: string;
  system: string;
  samples: number;
  passScore: number;
  params: { temperature: number; max_tokens: number; top_p?: number; seed?: number };
  checks: CheckSpec[];
  /** Where the case is written, for messages. */
  file: string;
  line: number;
}

/** A loaded, validated suite. */
export interface Suite {
  name: string;
  description: string;
  /** Every file read (top level first, then includes). */
  files: string[];
  /** Default model labels declared by the suite, if any. */
  models?: string[];
  cases: CaseSpec[];
}
