// Small pacing primitives for the scheduler: a FIFO semaphore, a token bucket, an abortable sleep.

/** At most `size` holders at once; waiters are served in arrival order. */
export class Semaphore {
  private active = 0;
  private readonly waiters: (() => void)[] = [];
  constructor(private readonly size: number) {}

  async acquire(): Promise<void> {
    if (this.active < this.size) {
      this.active++;
      return;
    }
    await new Promise<void>((resolve) => this.waiters.push(resolve));
  }

  release(): void {
    const next = this.waiters.shift();
    // The slot passes straight to the next waiter, so `active` stays the same.
    if (next) next();
    else this.active--;
  }
}

/** Resolves after `ms`, or early (without throwing) when the signal aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  if (ms <= 0 || signal?.aborted) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal?.addEventListener('abort', done, { once: true });
  });
}

/** Refills `perMinute` units per minute, continuously; holds at most a minute's worth. */
export class TokenBucket {
  private tokens: number;
  private last: number;
  constructor(
    private readonly perMinute: number,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.tokens = perMinute;
    this.last = now();
  }

  /** Waits until `amount` units are available and takes them (a request larger than the bucket waits for a full one). */
  async take(amount: number, signal?: AbortSignal): Promise<void> {
    const need = Math.min(amount, this.perMinute);
    for (;;) {
      const t = this.now();
      this.tokens = Math.min(this.perMinute, this.tokens + ((t - this.last) * this.perMinute) / 60_000);
      this.last = t;
      if (this.tokens >= need) {
        this.tokens -= need;
        return;
      }
      if (signal?.aborted) return;
      await sleep(Math.ceil(((need - this.tokens) * 60_000) / this.perMinute), signal);
    }
  }
}
