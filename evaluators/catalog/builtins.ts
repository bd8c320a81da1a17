// Names spcomp 1.12 knows in every file without any include, as its own sources define them (alliedmodders/
// sourcepawn at 11b22ed, the compiler SourceMod's 1.12-dev branch pins): the builtin constants its builtin
// generator emits, the defines its driver and lexer add, and the keywords that are values. Nothing else: older
// Pawn intrinsics (`cellbits`, `charmax`, `__Pawn`, `debug`, `tagof`) are undefined symbols to this compiler.

/** `const int` values the compiler declares itself. */
export const BUILTIN_CONSTANTS = ['EOS', 'cellmax', 'cellmin'] as const;

/** Defines the compiler adds: the output file, build date and time, and the current file and line. */
export const BUILTIN_DEFINES = ['__BINARY_PATH__', '__BINARY_NAME__', '__DATE__', '__TIME__', '__FILE_PATH__', '__FILE_NAME__', '__LINE__'] as const;

/** Keywords that stand for values (`sizeof`, `view_as` and `defined` are operators the grammar reads as such). */
export const VALUE_KEYWORDS = ['true', 'false', 'null', 'this', 'INVALID_FUNCTION'] as const;

/** Every name the static check resolves without looking at the includes (`_` is the untagged tag). */
export const BUILTIN_NAMES: ReadonlySet<string> = new Set<string>([...BUILTIN_CONSTANTS, ...BUILTIN_DEFINES, ...VALUE_KEYWORDS, '_']);
