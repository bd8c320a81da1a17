// A small counting semaphore: compiles run in parallel up to the number of cores, the rest wait their turn.
import { availableParallelism } from 'node:os';

/** Runs tasks with at most `size` of them at once. */
export class Semaphore {
  private active = 0;
  private readonly waiting: (() => void)[] = [];
  constructor(readonly size: number) {}

  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.active >= this.size) await new Promise<void>((resolve) => this.waiting.push(resolve));
    else this.active++;
    try {
      return await task();
    } finally {
      // Hand the slot straight to the next waiter so `active` never dips and lets a newcomer jump the queue.
      const next = this.waiting.shift();
      if (next) next();
      else this.active--;
    }
  }
}

/** The process-wide limit shared by every spcomp call. */
export const compileSlots = new Semaphore(Math.max(1, availableParallelism()));
