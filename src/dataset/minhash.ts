// Near-duplicate detection: MinHash signatures over token shingles, with LSH banding so each new
// example is compared only with candidates. Only signatures are stored, never the texts.

/** Hashes per signature; similarity is estimated as the share of equal slots. */
export const SIGNATURE_SIZE = 64;
const SHINGLE = 5;

/** FNV-1a over a string, 32 bits. */
function fnv(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** A 32-bit mixer (murmur3 finaliser) used as a family of hash functions via per-slot seeds. */
function mix(x: number): number {
  x = Math.imul(x ^ (x >>> 16), 0x85ebca6b);
  x = Math.imul(x ^ (x >>> 13), 0xc2b2ae35);
  return (x ^ (x >>> 16)) >>> 0;
}

const SEEDS = Uint32Array.from({ length: SIGNATURE_SIZE }, (_, i) => mix(0x9e3779b9 + i * 0x632be5ab));

/** MinHash signature of code tokens (see codeTokens), over shingles of consecutive tokens. */
export function signature(codeTokens: readonly string[]): Uint32Array {
  const tokens = codeTokens.map(fnv);
  const sig = new Uint32Array(SIGNATURE_SIZE).fill(0xffffffff);
  const count = Math.max(1, tokens.length - SHINGLE + 1);
  for (let t = 0; t < count; t++) {
    let h = 0;
    for (let k = t; k < t + SHINGLE && k < tokens.length; k++) h = mix(h ^ tokens[k]!);
    for (let i = 0; i < SIGNATURE_SIZE; i++) {
      const v = mix(h ^ SEEDS[i]!);
      if (v < sig[i]!) sig[i] = v;
    }
  }
  return sig;
}

/** Estimated Jaccard similarity of two signatures. */
export function similarity(a: Uint32Array, b: Uint32Array): number {
  let same = 0;
  for (let i = 0; i < SIGNATURE_SIZE; i++) if (a[i] === b[i]) same++;
  return same / SIGNATURE_SIZE;
}

/** A copy of `a` with room for at least `n` entries. */
function growTo(a: Uint32Array, n: number): Uint32Array {
  const grown = new Uint32Array(Math.max(n, a.length * 2));
  grown.set(a);
  return grown;
}

/** An LSH index of signatures, each tagged with a label (e.g. `file:line`). */
export class NearDupIndex {
  private readonly sigs: Uint32Array[] = [];
  private readonly ids: string[] = [];
  private readonly buckets = new Map<number, number | number[]>();
  private readonly rows: number;
  private readonly bands: number;
  /** Per entry, the stamp of the last find() that compared it. */
  private seen: Uint32Array = new Uint32Array(1024);
  private stamp = 0;

  constructor(private readonly threshold: number) {
    // Bands of 8 rows only make pairs above ~0.77 similar collide, which keeps candidate lists short
    // when all examples share a template; lower thresholds need bands of 4 rows to be found at all.
    this.rows = threshold >= 0.85 ? 8 : 4;
    this.bands = SIGNATURE_SIZE / this.rows;
  }

  private bandKey(sig: Uint32Array, band: number): number {
    let h = band + 1;
    for (let r = band * this.rows; r < (band + 1) * this.rows; r++) h = mix(h ^ sig[r]!);
    // Keep keys small integers so the Map stores them without boxing.
    return h >>> 2;
  }

  /** The most similar stored entry at or above the threshold, or null. */
  find(sig: Uint32Array): { id: string; similarity: number } | null {
    let best = -1;
    let bestSimilarity = 0;
    // Entries already compared in this call carry this call's stamp: with data made from one template the
    // candidate lists run to thousands, and a per-call Set was the cost.
    const stamp = ++this.stamp;
    if (this.seen.length < this.sigs.length) this.seen = growTo(this.seen, this.sigs.length);
    const consider = (idx: number) => {
      if (this.seen[idx] === stamp) return;
      this.seen[idx] = stamp;
      const s = similarity(sig, this.sigs[idx]!);
      if (s >= this.threshold && (best < 0 || s > bestSimilarity)) {
        best = idx;
        bestSimilarity = s;
      }
    };
    for (let b = 0; b < this.bands; b++) {
      const hit = this.buckets.get(this.bandKey(sig, b));
      if (hit === undefined) continue;
      if (typeof hit === 'number') consider(hit);
      else for (let i = 0; i < hit.length; i++) consider(hit[i]!);
    }
    return best < 0 ? null : { id: this.ids[best]!, similarity: bestSimilarity };
  }

  /** Stores a signature. */
  add(sig: Uint32Array, id: string): void {
    const idx = this.sigs.length;
    this.sigs.push(sig);
    this.ids.push(id);
    for (let b = 0; b < this.bands; b++) {
      const key = this.bandKey(sig, b);
      const hit = this.buckets.get(key);
      if (hit === undefined) this.buckets.set(key, idx);
      else if (typeof hit === 'number') this.buckets.set(key, [hit, idx]);
      else hit.push(idx);
    }
  }

  get size(): number {
    return this.sigs.length;
  }
}
