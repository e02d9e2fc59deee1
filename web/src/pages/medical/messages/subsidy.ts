export const subsidyZhCN = {} as const;
export const subsidyEn: Record<keyof typeof subsidyZhCN, string> = {};
