/**
 * Whether two values of a household field are the same: lists (categories, causes) regardless of order.
 * The server's check of an edit's expected values and the offline app's conflict diff both use it.
 */
export function sameFieldValue(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) && Array.isArray(b)) {
    const key = (xs: unknown[]) => xs.map((x) => JSON.stringify(x)).sort().join('\u0000');
    return a.length === b.length && key(a) === key(b);
  }
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}
