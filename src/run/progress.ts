// Run progress on stderr: a redrawn bar on a terminal, one plain line every few seconds in CI
// (no TTY, or CI set), nothing with --quiet or --json.
import { io } from '../core/io.js';
import type { RetryEvent } from './scheduler.js';

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
  /** Items already stored when this process began (a resumed run): counted as done, not in the rate. */
  resumed?: number;
  /** Retries so far, and what the latest one is waiting for (shown until the next item finishes). */
  retries?: number;
  waiting?: string;
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
  const rate = p.elapsedMs > 0 ? ((p.done - (p.resumed ?? 0)) * 1000) / p.elapsedMs : 0;
  const eta = rate > 0 && p.done < p.total ? ` ETA ${clock(((p.total - p.done) / rate) * 1000)}` : '';
  const filled = p.total > 0 ? Math.round((barWidth * p.done) / p.total) : 0;
  const bar = barWidth > 0 ? `${'#'.repeat(filled)}${'.'.repeat(barWidth - filled)} ` : '';
  const retries = p.retries ? ` ${p.retries} retr${p.retries === 1 ? 'y' : 'ies'}` : '';
  const waiting = p.waiting ? ` (${p.waiting})` : '';
  return `${bar}${p.done}/${p.total} ${rate.toFixed(1)} items/s${eta} $${p.costUsd.toFixed(4)} ${p.errors} error${p.errors === 1 ? '' : 's'}${retries}${waiting}`;
}

/** What a retry waits for, e.g. `v3: HTTP 429 rate_limit, retry 2/6 in 1.5s (Retry-After)`. */
export function retryNote(e: RetryEvent): string {
  const why = e.status ? `HTTP ${e.status} ${e.code}` : e.code;
  return `${e.model}: ${why}, retry ${e.attempt + 1}/${e.maxAttempts} in ${(e.waitMs / 1000).toFixed(1)}s${e.retryAfter ? ' (Retry-After)' : ' (backoff)'}`;
}

/** A progress reporter: call `update` per item and `end` once. */
export function createProgress(total: number, mode: ProgressMode, write: (s: string) => void = (s) => io.stderr.write(s), intervalMs = mode === 'bar' ? 100 : 5000) {
  const started = performance.now();
  const state: ProgressState = { done: 0, total, errors: 0, costUsd: 0, elapsedMs: 0 };
  let last = -Infinity;
  let lastRetry = -Infinity;
  const draw = (final: boolean) => {
    state.elapsedMs = performance.now() - started;
    if (mode === 'bar') write(`\r\x1b[2K${progressLine(state, 24)}${final ? '\n' : ''}`);
    else if (mode === 'lines') write(`progress: ${progressLine(state)}\n`);
  };
  // The first line at once, so a slow first answer is not silence.
  if (mode !== 'off') {
    last = performance.now();
    draw(false);
  }
  return {
    state,
    /** Counts items a resumed run already has (so progress goes on from there). */
    resumeFrom(done: number, errors = 0): void {
      state.done = state.resumed = done;
      state.errors = errors;
      if (mode !== 'off') draw(false);
    },
    /** Shows a retry as it happens (a terminal redraws at once; CI lines at most one per second). */
    retry(e: RetryEvent): void {
      state.retries = (state.retries ?? 0) + 1;
      state.waiting = retryNote(e);
      const now = performance.now();
      if (mode === 'off' || now - lastRetry < (mode === 'bar' ? 0 : 1000)) return;
      lastRetry = last = now;
      draw(false);
    },
    update(item: { error?: unknown; costUsd?: number }): void {
      state.done++;
      state.waiting = undefined;
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
