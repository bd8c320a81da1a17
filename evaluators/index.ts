// The typed registry of check kinds: the suite loader and the runner look kinds up here, never via if-chains.
import type { Evaluator } from './core/types.js';
import { syntax } from './checks/syntax.js';
import { regex } from './checks/regex.js';
import { not_regex } from './checks/not-regex.js';
import { calls } from './checks/calls.js';
import { hooks_event } from './checks/hooks-event.js';
import { includes } from './checks/includes.js';
import { defines } from './checks/defines.js';
import { uses } from './checks/uses.js';
import { convar } from './checks/convar.js';
import { query } from './checks/query.js';
import { rule } from './checks/rule.js';
import { api } from './checks/api.js';
import { compiles } from './checks/compiles.js';
import { judge } from './checks/judge.js';

/** Every check kind a suite may use, keyed by its `kind` (`any`: each entry has its own option schema). */
export const evaluators = {
  syntax,
  regex,
  not_regex,
  calls,
  hooks_event,
  includes,
  defines,
  uses,
  convar,
  query,
  rule,
  api,
  compiles,
  judge,
} satisfies Record<string, Evaluator<any>>;

/** A registered check kind, e.g. `calls`. */
export type CheckKind = keyof typeof evaluators;

/** True when `s` names a registered check kind. */
export function isCheckKind(s: string): s is CheckKind {
  return Object.hasOwn(evaluators, s);
}
