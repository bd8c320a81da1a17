// Lines inside `#if`/`#ifdef`-style blocks: code spcomp may never read (the other game's branch, an optional
// include's block), so names and includes there are not held against the answer.

/** 1-based inclusive line ranges between `#if`-style directives and their `#endif`, read from the text (cheaper
 * than walking the tree, and directives are always whole lines). An unclosed block runs to the end. */
export function conditionalRanges(source: string): [number, number][] {
  const out: [number, number][] = [];
  let depth = 0;
  let start = 0;
  const rows = source.split('\n');
  for (let i = 0; i < rows.length; i++) {
    const m = /^\s*#\s*(if|endif)/.exec(rows[i]!);
    if (!m) continue;
    if (m[1] === 'if') {
      if (depth++ === 0) start = i + 1;
    } else if (depth > 0 && --depth === 0) out.push([start, i + 1]);
  }
  if (depth > 0) out.push([start, Number.MAX_SAFE_INTEGER]);
  return out;
}

/** True when `line` lies in one of the ranges. */
export function inRanges(ranges: readonly [number, number][], line: number): boolean {
  return ranges.some(([a, b]) => line >= a && line <= b);
}
