// The stats part of the app dictionaries (spread into web/src/i18n/{zh-CN,en}.ts).
export const statsZhCN = {};
export const statsEn: Record<keyof typeof statsZhCN, string> = {};
