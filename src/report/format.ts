// Plain number/text formatting shared by the reporters; null always means "not measurable".

/** Placeholder for a figure that cannot be computed (no judged items, unknown price). */
export const NA = 'n/a';

/** Fixed decimals, `n/a` for null. */
export function fixed(n: number | null | undefined, digits = 1): string {
  return n === null || n === undefined || !Number.isFinite(n) ? NA : n.toFixed(digits);
}

/** A 0–1 ratio as a percentage. */
export function pct(ratio: number | null | undefined, digits = 1): string {
  return ratio === null || ratio === undefined || !Number.isFinite(ratio) ? NA : `${(ratio * 100).toFixed(digits)}%`;
}

/** A signed change with an arrow: `▲ +1.5`, `▼ -2.0`, `= 0.0`; empty for null (baseline, errors). */
export function signed(delta: number | null | undefined, digits = 1, suffix = ''): string {
  if (delta === null || delta === undefined || !Number.isFinite(delta)) return '';
  const text = Math.abs(delta).toFixed(digits);
  // A delta that rounds to zero shows as unchanged rather than "▼ -0.0".
  if (Number(text) === 0) return `= ${text}${suffix}`;
  return delta > 0 ? `▲ +${text}${suffix}` : `▼ -${text}${suffix}`;
}

/** Integer with thousands separators, locale independent. */
export function int(n: number | null | undefined): string {
  if (n === null || n === undefined || !Number.isFinite(n)) return NA;
  return Math.round(n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** US dollars with enough decimals for cheap runs. */
export function cost(usd: number | null | undefined): string {
  if (usd === null || usd === undefined || !Number.isFinite(usd)) return NA;
  return `$${usd.toFixed(usd !== 0 && Math.abs(usd) < 1 ? 4 : 2)}`;
}

/** Milliseconds, switching to seconds above one second. */
export function ms(n: number | null | undefined): string {
  if (n === null || n === undefined || !Number.isFinite(n)) return NA;
  return n < 1000 ? `${Math.round(n)} ms` : `${(n / 1000).toFixed(2)} s`;
}

/**
 * Makes user text safe inside a Markdown table cell: pipes would split the cell,
 * newlines would end the row, and `<` could open raw HTML.
 */
export function mdCell(value: unknown): string {
  const text = value === null || value === undefined ? '' : String(value);
  return text
    .replace(/\\/g, '\\\\')
    .replace(/\|/g, '\\|')
    .replace(/</g, '&lt;')
    .replace(/\r\n|\r|\n/g, '<br>');
}
