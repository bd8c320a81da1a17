// Reproducible random subsets: reservoir sampling over a stream of unknown length, with the shared seeded PRNG.
import { mulberry32, type Random } from '../core/prng.js';

/** Keeps a uniform random sample of `size` items from a stream (Algorithm R); same seed, same sample. */
export class Reservoir<T> {
  private readonly items: T[] = [];
  private seen = 0;
  private readonly random: Random;

  constructor(
    private readonly size: number,
    seed: number,
  ) {
    this.random = mulberry32(seed);
  }

  offer(item: T): void {
    this.seen++;
    if (this.items.length < this.size) {
      this.items.push(item);
      return;
    }
    const j = Math.floor(this.random() * this.seen);
    if (j < this.size) this.items[j] = item;
  }

  /** The sampled items (in no particular order). */
  values(): T[] {
    return [...this.items];
  }
}
