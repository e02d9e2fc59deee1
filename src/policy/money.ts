// Money is integer fen (分) everywhere in formulas. Rounding is explicit and half-up, the way
// payment offices round; the unit to round to is a parameter of each programme.

/** numerator / denominator rounded half up to an integer (both may be any sign; denominator > 0). */
export function divideRounded(numerator: number, denominator: number): number {
  if (denominator <= 0) throw new Error('divideRounded: denominator must be positive');
  const sign = numerator < 0 ? -1 : 1;
  const n = Math.abs(numerator);
  return sign * Math.floor((2 * n + denominator) / (2 * denominator));
}

/** Round fen half up to a multiple of `unitFen` (1 = fen, 10 = jiao, 100 = yuan). */
export function roundToUnit(fen: number, unitFen: number): number {
  if (!Number.isInteger(unitFen) || unitFen < 1) throw new Error(`Invalid rounding unit ${unitFen} fen`);
  return divideRounded(fen, unitFen) * unitFen;
}

/** fen × ratio, rounded half up to fen (ratios come as decimals from parameters, e.g. 0.3). */
export function multiplyRounded(fen: number, ratio: number): number {
  return Math.round(Math.round(fen * ratio * 1e6) / 1e6);
}
