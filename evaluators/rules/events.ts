// Event-field reads shared by the event rules: `event.GetInt("k")` and `GetEventInt(event, "k")`.
import type { Node } from 'web-tree-sitter';
import { argument, callSites, stringValue } from '../core/ast.js';
import { memo, type EvalInput } from '../core/types.js';

/** One read of an event field. */
export interface EventRead {
  key: string;
  /** The whole read call (its value is the field's value). */
  node: Node;
  /** The event handle expression the field is read from. */
  event: string;
}

const METHODS = new Set(['GetInt', 'GetBool', 'GetFloat', 'GetString']);
const OLD_API = new Set(['GetEventInt', 'GetEventBool', 'GetEventFloat', 'GetEventString']);

/** Every event-field read with a literal key. */
export function eventReads(input: EvalInput): EventRead[] {
  return memo(input, 'rules:eventReads', () =>
    callSites(input).flatMap((c): EventRead[] => {
      if (c.receiver !== null && METHODS.has(c.name)) {
        const key = stringValue(argument(c.node, 0));
        return key === null ? [] : [{ key, node: c.node, event: c.receiver }];
      }
      if (c.receiver === null && OLD_API.has(c.name)) {
        const key = stringValue(argument(c.node, 1));
        const ev = argument(c.node, 0)?.text;
        return key === null || !ev ? [] : [{ key, node: c.node, event: ev }];
      }
      return [];
    }),
  );
}
