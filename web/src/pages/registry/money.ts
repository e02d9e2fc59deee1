// Money is integer fen in the API and yuan on screen and in forms.

export function yuanToFen(yuan: number): number {
  return Math.round(yuan * 100);
}

export function fenToYuan(fen: number): number {
  return fen / 100;
}

const format = new Intl.NumberFormat('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** 150000 → "1,500.00" */
export function formatYuan(fen: number): string {
  return format.format(fen / 100);
}
