// The 救助管理站 part of the app dictionaries (spread into web/src/i18n/{zh-CN,en}.ts).
export { reliefZhCN } from './zh-CN.ts';
