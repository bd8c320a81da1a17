// Natives that need an include the plugin forgot. Only judged when every include is a known SourceMod
// one: any other include (left4dhooks, l4d2util, a companion .inc) might pull the missing one in.
import { callSites, definedFunctions, includeNames, nodesOfType } from '../core/ast.js';
import type { EvalInput } from '../core/types.js';
import type { Rule, RuleViolation } from './types.js';
import { violationAt } from './util.js';

/** SourceMod's own includes that do not include sdkhooks or left4dhooks. */
const PLAIN_SM_INCLUDES = new Set([
  'sourcemod', 'sdktools', 'sdktools_functions', 'sdktools_entinput', 'sdktools_trace', 'sdktools_sound',
  'sdktools_tempents', 'sdktools_variant_t', 'sdktools_stringtables', 'clientprefs', 'adminmenu', 'topmenus',
  'regex', 'geoip', 'basecomm', 'multicolors', 'colors', 'dhooks', 'console', 'events', 'timers', 'halflife',
]);

function missingInclude(input: EvalInput, include: string, matches: (name: string) => boolean, rule: string): RuleViolation[] {
  const includes = includeNames(input).map((i) => i.toLowerCase());
  if (includes.includes(include) || includes.some((i) => !PLAIN_SM_INCLUDES.has(i))) return [];
  const defined = definedFunctions(input);
  // Natives and forwards the plugin declares itself (`native bool L4D_IsFirstMapInScenario();`) need no include.
  const declared = new Set(nodesOfType(input, 'function_declaration').map((d) => d.childForFieldName('name')?.text));
  const call = callSites(input).find((c) => c.receiver === null && matches(c.name) && !defined.has(c.name) && !declared.has(c.name));
  return call ? [violationAt(rule, call.node, `${call.name} needs #include <${include}>`)] : [];
}

const SDKHOOKS = new Set(['SDKHook', 'SDKHookEx', 'SDKUnhook', 'SDKHooks_TakeDamage', 'SDKHooks_DropWeapon']);

/** SDKHook and friends come with #include <sdkhooks>. */
export const sdkhooksInclude = {
  id: 'sdkhooks-include',
  title: 'SDKHooks natives need <sdkhooks>',
  rationale: 'SDKHook is declared in sdkhooks.inc; without the include spcomp stops with "undefined symbol".',
  severity: 'error',
  check: (input: EvalInput) => missingInclude(input, 'sdkhooks', (n) => SDKHOOKS.has(n), 'sdkhooks-include'),
} satisfies Rule;

/** Left4DHooks natives and stocks come with #include <left4dhooks>. */
export const left4dhooksInclude = {
  id: 'left4dhooks-include',
  title: 'Left4DHooks natives need <left4dhooks>',
  rationale: 'L4D_/L4D2_/L4D2Direct_ natives are declared in left4dhooks.inc; without it spcomp stops with "undefined symbol".',
  severity: 'error',
  check: (input: EvalInput) =>
    missingInclude(input, 'left4dhooks', (n) => /^(L4D_|L4D2_|L4D1_|L4D2Direct_|Left4DHooks_)/.test(n), 'left4dhooks-include'),
} satisfies Rule;
