// Money is an integer number of fen (分); yuan only for display.

/** 49500 → "495.00" */
export function yuan(fen: number): string {
  return (fen / 100).toFixed(2);
}

/** "495.5" yuan → 49550 fen, rounded to the fen. */
export function fenOfYuan(yuanAmount: number): number {
  return Math.round(yuanAmount * 100);
}
