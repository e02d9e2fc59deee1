// County spot check (县级入户抽查, 审核审批办法（试行）art. 26): a random sample of at least the ratio
// (a parameter, ≥30%) of a batch, always including every case flagged as a relative of staff or village
// cadres or under complaint (their visit ratio is 100%, also a parameter). The draw is reproducible: the
// same cases, ratio and seed give the same sample, whatever order the cases come in.
import { createRandom } from '../../../kernel/random.ts';

export interface SampleCandidate {
  id: string;
  flagged: boolean;
}

/** Smallest count that is at least `ratio` of `n` (guards against 0.3 × 10 = 3.0000000000000004). */
export function sampleSize(n: number, ratio: number): number {
  if (!(ratio >= 0 && ratio <= 1)) throw new RangeError(`spot-check ratio must be in [0, 1], got ${ratio}`);
  return Math.min(n, Math.ceil(Number((n * ratio).toFixed(9))));
}

/** The ids drawn, in id order. */
export function drawSample(candidates: readonly SampleCandidate[], ratio: number, seed: string): string[] {
  const sorted = [...candidates].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const flagged = sorted.filter((c) => c.flagged).map((c) => c.id);
  const others = sorted.filter((c) => !c.flagged).map((c) => c.id);
  const rng = createRandom(seed);
  // Fisher–Yates over the unflagged cases, then take as many as the ratio still needs.
  for (let i = others.length - 1; i > 0; i--) {
    const j = rng.int(0, i);
    [others[i], others[j]] = [others[j] as string, others[i] as string];
  }
  const needed = Math.max(0, sampleSize(sorted.length, ratio) - flagged.length);
  const chosen = new Set([...flagged, ...others.slice(0, needed)]);
  return sorted.map((c) => c.id).filter((id) => chosen.has(id));
}
