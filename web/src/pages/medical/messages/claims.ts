export const claimsZhCN = {} as const;
export const claimsEn: Record<keyof typeof claimsZhCN, string> = {};
