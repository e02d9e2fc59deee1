import type { PayrollStatus, Programme, ReturnReason } from '../tables.ts';

export const STATUS_LABELS: Record<PayrollStatus, string> = { running: '生成中（未完成）', draft: '待审批', approved: '已审批', exported: '已导出' };
export const PROGRAMME_LABELS: Record<Programme, string> = { dibao: '最低生活保障金', hardship: '特困人员供养金' };
export const REASON_LABELS: Record<ReturnReason, string> = { closed_account: '账户已销户', name_mismatch: '户名不符', other: '其他' };

/** 用途 of a bank line: programme, month, and whether it includes arrears or a reissue. */
export function purposeOf(programme: Programme, period: string, arrearsFen: number, reissueFen: number): string {
  const extra = [arrearsFen > 0 ? '含补发' : '', reissueFen > 0 ? '含重发' : ''].filter((s) => s !== '').join('、');
  return `${period.slice(0, 4)}年${Number(period.slice(5, 7))}月${PROGRAMME_LABELS[programme]}${extra ? `（${extra}）` : ''}`;
}

export const yuan = (fen: number) => (fen / 100).toFixed(2);
