// Hooks other folders plug into a run without src/run importing them (e.g. src/judge grades `judge` checks).
import type { ItemResult } from '../types/run.js';
import type { CaseSpec } from '../types/suite.js';

/** Called with each answered item after its pure checks ran; returns the item to keep (e.g. with model-graded
 * checks resolved and the score recomputed). Must not throw. An item returned with error code `aborted` is dropped
 * (asked again on resume). */
export type ItemHook = (item: ItemResult, kase: CaseSpec, signal?: AbortSignal) => Promise<ItemResult>;
