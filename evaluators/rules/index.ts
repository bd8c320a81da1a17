// The L4D2 rule pack: a typed map from rule id to rule, so ids are checked at compile time.
import { actionReturn } from './action-return.js';
import { cheatFlags } from './cheat-flags.js';
import { clientIndexZero } from './client-index-zero.js';
import { clientValidity } from './client-validity.js';
import { entityClassname } from './entity-classname.js';
import { eventCallbackSignature } from './event-callback-signature.js';
import { eventNames } from './event-names.js';
import { eventNocopyFields } from './event-nocopy-fields.js';
import { eventUserid } from './event-userid.js';
import { left4dhooksInclude, sdkhooksInclude } from './include-rules.js';
import { maxclients } from './maxclients.js';
import { myinfo } from './myinfo.js';
import { newSyntax } from './new-syntax.js';
import { pragmaNewdecls, pragmaSemicolon } from './pragmas.js';
import { teamNumbers } from './team-numbers.js';
import { timerNoBlockingLoop } from './timer-no-blocking-loop.js';
import { timerUserid } from './timer-userid.js';
import type { Rule } from './types.js';
import { zombieClassNumbers } from './zombie-class-numbers.js';

/** Every rule, by id. */
export const rules = {
  'zombie-class-numbers': zombieClassNumbers,
  'team-numbers': teamNumbers,
  'client-validity': clientValidity,
  'timer-userid': timerUserid,
  'action-return': actionReturn,
  myinfo,
  'pragma-semicolon': pragmaSemicolon,
  'pragma-newdecls': pragmaNewdecls,
  'new-syntax': newSyntax,
  maxclients,
  'event-names': eventNames,
  'cheat-flags': cheatFlags,
  'timer-no-blocking-loop': timerNoBlockingLoop,
  'event-userid': eventUserid,
  'sdkhooks-include': sdkhooksInclude,
  'left4dhooks-include': left4dhooksInclude,
  'event-callback-signature': eventCallbackSignature,
  'event-nocopy-fields': eventNocopyFields,
  'entity-classname': entityClassname,
  'client-index-zero': clientIndexZero,
} satisfies Record<string, Rule>;

/** A rule id of the pack. */
export type RuleId = keyof typeof rules;

/** All rule ids, in pack order. */
export const ruleIds = Object.keys(rules) as [RuleId, ...RuleId[]];

export type { Rule, RuleViolation, RuleSeverity } from './types.js';
