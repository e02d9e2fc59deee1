// The payroll part of the app dictionaries (spread into web/src/i18n/{zh-CN,en}.ts).
export const payrollZhCN = {};
export const payrollEn: Record<keyof typeof payrollZhCN, string> = {};
