export const settlementsZhCN = {} as const;
export const settlementsEn: Record<keyof typeof settlementsZhCN, string> = {};
