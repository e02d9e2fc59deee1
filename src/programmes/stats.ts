// What a programme contributes to the statistics: the numbers of its entitlements' summaries the
// roll-up keeps besides households, persons and amount. (The stats module reads this; extend it there.)
export interface ProgrammeStats {
  /** Numeric keys of `entitlements.summary` kept per area and month (e.g. 低保's gap and top-up persons). */
  summaryKeys: readonly string[];
}
