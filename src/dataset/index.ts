// Public surface of the training-data check.
export { checkFiles, type CheckTarget } from './checker.js';
export { checkSpecsFor, DEFAULT_CHECK_OPTIONS } from './options.js';
export { parseExample } from './formats.js';
export type * from './types.js';
