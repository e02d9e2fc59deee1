/** A ratio (0–1) as a per cent with one decimal; — when there is none. */
export const percent = (r: number | null | undefined): string => (r === null || r === undefined ? '—' : `${(r * 100).toFixed(1)}%`);
export const yuan = (fen: number | null): string => (fen === null ? '—' : (fen / 100).toFixed(2));
/** Today in China (UTC+8) as YYYY-MM-DD. */
export const today = (): string => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
