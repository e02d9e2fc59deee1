import { isProgramme, programmeOf } from '../../../programmes/registry.ts';
import type { Payee, PaymentMethod, PayrollStatus, ReturnReason } from '../tables.ts';

export const STATUS_LABELS: Record<PayrollStatus, string> = { running: '生成中（未完成）', draft: '待审批', approved: '已审批', exported: '已导出' };
export const REASON_LABELS: Record<ReturnReason, string> = { closed_account: '账户已销户', name_mismatch: '户名不符', other: '其他' };
export const PAYEE_LABELS: Record<Payee, string> = { recipient: '救助对象本人', insurer: '医疗保险经办机构（资助参保）', institution: '供养服务机构（集中供养）' };
export const METHOD_LABELS: Record<PaymentMethod, string> = { transfer: '银行代发', cash: '现金发放' };

// Lines outlive the registry: a programme no longer registered still shows its code rather than failing.
/** The programme's Chinese name from the registry (最低生活保障). */
export const programmeName = (code: string): string => (isProgramme(code) ? programmeOf(code).labels['zh-CN'].name : code);
/** What the programme pays, for a file's 用途 (最低生活保障金). */
const benefitName = (code: string): string => (isProgramme(code) ? programmeOf(code).labels['zh-CN'].benefit : code);

/** 用途 of a paid line: programme, month, and whether it includes arrears, one-off payments or a reissue. */
export function purposeOf(programme: string, period: string, l: { arrears_fen: number; one_off_fen: number; reissue_fen: number }): string {
  const extra = [l.arrears_fen > 0 ? '含补发' : '', l.one_off_fen > 0 ? '含一次性救助' : '', l.reissue_fen > 0 ? '含重发' : ''].filter((s) => s !== '').join('、');
  return `${period.slice(0, 4)}年${Number(period.slice(5, 7))}月${benefitName(programme)}${extra ? `（${extra}）` : ''}`;
}

export const yuan = (fen: number) => (fen / 100).toFixed(2);
