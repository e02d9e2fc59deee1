// How both engines read values (no driver imported: PGlite's start does not load pg).
export const TIME_ZONE = 'Asia/Shanghai';
// int8 → number (fen totals stay far below 2^53), date → ISO string (no time-zone shift), numeric → number.
export const parseInt8 = (v: string) => Number(v);
export const parseDate = (v: string) => v;
export const parseNumeric = (v: string) => Number(v);
