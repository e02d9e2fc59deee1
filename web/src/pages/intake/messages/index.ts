// The intake part of the app dictionaries (spread into web/src/i18n/{zh-CN,en}.ts).
export const intakeZhCN = {};
export const intakeEn: Record<keyof typeof intakeZhCN, string> = {};
