// Names the compiler knows without any include (spcomp's intrinsics), and constants of third-party includes the
// shipped index does not cover. Everything SourceMod and Left4DHooks declare comes from the shipped index.
// `enum T:` lines also declare the type T; `type` lines declare types; `const` lines declare values.

import { BUILTIN_CONSTANTS, BUILTIN_DEFINES } from './builtins.js';

/** Lines per include: `enum Name: A B C`, `const A B C`, `type A B`. */
export const constantLines: Record<string, readonly string[]> = {
  // spcomp intrinsics, and only those: every plugin sees them (table.ts derives INTRINSIC_NAMES from these lines).
  sourcemod: ['type Function any int64 Float String _', `const ${[...BUILTIN_CONSTANTS, ...BUILTIN_DEFINES, 'null', 'INVALID_FUNCTION'].join(' ')}`],
  multicolors: ['const MAX_MESSAGE_LENGTH'],
};
