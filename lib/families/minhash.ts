// Copies of one article (decision 0023): the same text published twice (wire copy, re-post, a lightly
// edited version) shares most of its runs of five words. Each text's five-word shingles are hashed;
// a MinHash signature of PERMUTATIONS minimums estimates how alike two shingle sets are, and its
// BANDS band keys are stored, so that the sources sharing a key with a new one are found by index.
// Each candidate is then measured exactly. Pure.

/** Words per shingle: long enough that two articles on one subject share few by chance. */
export const SHINGLE_WORDS = 5;
/** Band keys per source, each from ROWS of the signature's minimums. */
export const BANDS = 48;
export const ROWS = 2;
export const PERMUTATIONS = BANDS * ROWS;
/**
 * Two sources are copies of one article when at least this share of each one's shingles is in the
 * other: a wire story with a local paragraph added is, a brief quoting one paragraph of a long
 * article is not.
 */
export const COPY_OVERLAP = 0.5;

/** A 32-bit hash of a string (FNV-1a). */
function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** Mixes 32 bits (MurmurHash3's finalizer): each permutation is this over the shingle XOR its seed. */
function mix(value: number): number {
  let h = value;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** The permutations' seeds, fixed forever: stored band keys are only comparable under the same seeds. */
const SEEDS = (() => {
  const seeds = new Uint32Array(PERMUTATIONS);
  let state = 0x2545f491;
  for (let i = 0; i < PERMUTATIONS; i++) {
    state = (state + 0x9e3779b9) >>> 0;
    seeds[i] = mix(state);
  }
  return seeds;
})();

/** The text's words as compared: lower case, accents and punctuation gone, so re-typeset copies match. */
export function comparedWords(text: string): string[] {
  return (
    text
      .normalize("NFKD")
      .replace(/\p{M}/gu, "")
      .toLowerCase()
      .match(/[\p{L}\p{N}]+/gu) ?? []
  );
}

/** The hashes of the text's five-word shingles (a text shorter than that is one shingle). */
export function shingles(text: string): Set<number> {
  const words = comparedWords(text);
  const found = new Set<number>();
  if (words.length === 0) return found;
  if (words.length < SHINGLE_WORDS) return found.add(fnv1a(words.join(" ")));
  for (let i = 0; i + SHINGLE_WORDS <= words.length; i++) found.add(fnv1a(words.slice(i, i + SHINGLE_WORDS).join(" ")));
  return found;
}

/** The MinHash signature: for each permutation, the least hash over the shingles. */
export function signature(set: ReadonlySet<number>): Uint32Array {
  const minimums = new Uint32Array(PERMUTATIONS).fill(0xffffffff);
  for (const shingle of set) {
    for (let i = 0; i < PERMUTATIONS; i++) {
      const h = mix(shingle ^ SEEDS[i]!);
      if (h < minimums[i]!) minimums[i] = h;
    }
  }
  return minimums;
}

/**
 * The band keys stored for a source: each band's ROWS minimums hashed to one signed 32-bit integer
 * (an Int column on both databases). Two texts whose shingles are a share J alike share at least one
 * key with probability 1 − (1 − J²)^48: 0.996 at J = 1/3 (each half in the other), 0.38 at J = 0.1.
 */
export function bandKeys(minimums: Uint32Array): number[] {
  const keys: number[] = [];
  for (let band = 0; band < BANDS; band++) {
    let hash = 0x811c9dc5 ^ band;
    for (let row = 0; row < ROWS; row++) {
      hash = Math.imul(hash ^ minimums[band * ROWS + row]!, 0x01000193);
      hash = mix(hash);
    }
    keys.push(hash | 0);
  }
  return keys;
}

/** The share of `a`'s shingles that are also `b`'s: "87% of this text also appears in …". */
export function overlap(a: ReadonlySet<number>, b: ReadonlySet<number>): number {
  if (a.size === 0) return 0;
  let shared = 0;
  for (const shingle of a) if (b.has(shingle)) shared += 1;
  return shared / a.size;
}

/** Whether two texts' shingles make them copies of one article, and how much of each is in the other. */
export function compareTexts(a: ReadonlySet<number>, b: ReadonlySet<number>): { copies: boolean; overlapA: number; overlapB: number } {
  const overlapA = round(overlap(a, b));
  const overlapB = round(overlap(b, a));
  return { copies: Math.min(overlapA, overlapB) >= COPY_OVERLAP, overlapA, overlapB };
}

const round = (n: number) => Math.round(n * 1000) / 1000;

/**
 * Groups joined two by two into families (connected components): each member's family is its
 * group's smallest id, or null for a source with no copy.
 */
export function familiesOf(members: readonly string[], links: readonly (readonly [string, string])[]): Map<string, string | null> {
  const parent = new Map(members.map((m) => [m, m]));
  const root = (x: string): string => {
    let r = x;
    while (parent.get(r)! !== r) r = parent.get(r)!;
    parent.set(x, r);
    return r;
  };
  for (const [a, b] of links) {
    if (!parent.has(a) || !parent.has(b)) continue;
    const [ra, rb] = [root(a), root(b)];
    if (ra !== rb) parent.set(ra < rb ? rb : ra, ra < rb ? ra : rb);
  }
  const size = new Map<string, number>();
  for (const m of members) size.set(root(m), (size.get(root(m)) ?? 0) + 1);
  return new Map(members.map((m) => [m, size.get(root(m))! > 1 ? root(m) : null]));
}
