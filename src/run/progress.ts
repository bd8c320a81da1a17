// Run progress on stderr: a redrawn bar on a terminal, one plain line every few seconds in CI
// (no TTY, or CI set), nothing with --quiet or --json.
import { io } from '../core/io.js';

/** How progress is shown. */
export type ProgressMode = 'bar' | 'lines' | 'off';

/** Counters the progress line is drawn from. */
export interface ProgressState {
  done: number;
  total: number;
  errors: number;
  costUsd: number;
  /** ms since the run started. */
  elapsedMs: number;
}

/** Picks the mode for a stream and environment. */
export function progressMode(quiet: boolean, stream: { isTTY?: boolean } = io.stderr, env: NodeJS.ProcessEnv = process.env): ProgressMode {
  if (quiet) return 'off';
  return stream.isTTY && !env.CI ? 'bar' : 'lines';
}

function clock(ms: number): string {
  const s = Math.round(ms / 1000);
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

/** One progress line: done/total, rate, ETA, cost so far, errors. */
export function progressLine(p: ProgressState, barWidth = 0): string {
  const rate = p.elapsedMs > 0 ? (p.done * 1000) / p.elapsedMs : 0;
  const eta = rate > 0 && p.done < p.total ? ` ETA ${clock(((p.total - p.done) / rate) * 1000)}` : '';
  const filled = p.total > 0 ? Math.round((barWidth * p.done) / p.total) : 0;
  const bar = barWidth > 0 ? `${'#'.repeat(filled)}${'.'.repeat(barWidth - filled)} ` : '';
  return `${bar}${p.done}/${p.total} ${rate.toFixed(1)} items/s${eta} $${p.costUsd.toFixed(4)} ${p.errors} error${p.errors === 1 ? '' : 's'}`;
}

/** A progress reporter: call `update` per item and `end` once. */
export function createProgress(total: number, mode: ProgressMode, write: (s: string) => void = (s) => io.stderr.write(s), intervalMs = mode === 'bar' ? 100 : 5000) {
  const started = performance.now();
  const state: ProgressState = { done: 0, total, errors: 0, costUsd: 0, elapsedMs: 0 };
  let last = -Infinity;
  const draw = (final: boolean) => {
    state.elapsedMs = performance.now() - started;
    if (mode === 'bar') write(`\r\x1b[2K${progressLine(state, 24)}${final ? '\n' : ''}`);
    else if (mode === 'lines') write(`progress: ${progressLine(state)}\n`);
  };
  return {
    state,
    update(item: { error?: unknown; costUsd?: number }): void {
      state.done++;
      if (item.error) state.errors++;
      state.costUsd += item.costUsd ?? 0;
      const now = performance.now();
      if (mode !== 'off' && now - last >= intervalMs) {
        last = now;
        draw(false);
      }
    },
    end(): void {
      if (mode !== 'off') draw(true);
    },
  };
}
