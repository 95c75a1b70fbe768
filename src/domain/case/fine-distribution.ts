/** The fines of similar past decisions (same item, same circumstance), summed up for the proposal and review screens. */
export interface FineDistribution {
  readonly count: number;
  /** Absent when there is no past decision. Fen; the median of an even count is the lower of the middle two. */
  readonly minFen?: number;
  readonly medianFen?: number;
  readonly maxFen?: number;
  /** The amounts counted in equal-width bins from the least to the greatest, for a small chart. */
  readonly bins: readonly { readonly fromFen: number; readonly toFen: number; readonly count: number }[];
}

/** How many bins the chart of a distribution has at most. */
export const DISTRIBUTION_BINS = 8;

/** The distribution of `amounts` (integer fen): count, least, median, greatest, and bins of equal width. */
export function fineDistribution(amounts: readonly number[]): FineDistribution {
  const sorted = [...amounts].sort((a, b) => a - b);
  const count = sorted.length;
  if (count === 0) return { count, bins: [] };
  const minFen = sorted[0]!;
  const maxFen = sorted[count - 1]!;
  const medianFen = sorted[Math.floor((count - 1) / 2)]!;
  const span = maxFen - minFen;
  const bins = span === 0 ? 1 : Math.min(DISTRIBUTION_BINS, count);
  const width = Math.max(1, Math.ceil((span + 1) / bins));
  const counted = Array.from({ length: bins }, (_, i) => ({
    fromFen: minFen + i * width,
    toFen: Math.min(maxFen, minFen + (i + 1) * width - 1),
    count: 0,
  }));
  for (const amount of sorted) counted[Math.min(bins - 1, Math.floor((amount - minFen) / width))]!.count += 1;
  return { count, minFen, medianFen, maxFen, bins: counted };
}
