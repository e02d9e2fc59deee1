// The verification part of the app dictionaries (spread into web/src/i18n/{zh-CN,en}.ts).
export const verificationZhCN = {};
export const verificationEn: Record<keyof typeof verificationZhCN, string> = {};
