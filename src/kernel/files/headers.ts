// The header row of an import template: each column found by its header (spaces, bracket widths and a unit
// suffix such as （元） or （元/月） ignored); a missing required column, an unknown one or one given twice
// refuses the whole file, naming them.
import { cellText } from './cells.ts';
import { badFile } from './parse.ts';
import type { Cell } from './parse.ts';

export interface TemplateColumn<F extends string> {
  field: F;
  header: string;
  required: boolean;
}

/** Full-width and half-width brackets alike, no spaces, without a unit suffix such as （元）. */
export const normaliseHeader = (h: string): string =>
  h.replace(/\s/g, '').replace(/\(/g, '（').replace(/\)/g, '）').replace(/（元(\/月)?）$/, '');

/** Where each field is in the file's columns; `template`: the template's name in the refusal (存量对象导入). */
export function mapHeaders<F extends string>(cells: readonly Cell[], columns: readonly TemplateColumn<F>[], template: string): Map<F, number> {
  const at = new Map<F, number>();
  const unknown: string[] = [];
  const duplicate: string[] = [];
  const byHeader = new Map(columns.map((c) => [normaliseHeader(c.header), c]));
  cells.forEach((h, i) => {
    const text = normaliseHeader(cellText(h));
    if (text === '') return;
    const col = byHeader.get(text);
    if (!col) unknown.push(cellText(h));
    else if (at.has(col.field)) duplicate.push(col.header);
    else at.set(col.field, i);
  });
  const missing = columns.filter((c) => c.required && !at.has(c.field)).map((c) => c.header);
  const problems: string[] = [];
  if (missing.length > 0) problems.push(`缺少必填列：${missing.join('、')}`);
  if (unknown.length > 0) problems.push(`无法识别的列：${unknown.join('、')}`);
  if (duplicate.length > 0) problems.push(`列重复：${duplicate.join('、')}`);
  if (problems.length > 0) throw badFile(`表头不符合${template}模板（第1行）：${problems.join('；')}。请下载模板后按模板填写`, { missing, unknown, duplicate });
  return at;
}
