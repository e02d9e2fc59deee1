import type { Translate } from '../../i18n/context.ts';
import type { MessageKey } from '../../i18n/zh-CN.ts';
import { formatYuan } from '../registry/money.ts';

export { formatYuan };

/** The label of a code under `payroll.<group>.<code>`, or the code itself. */
export function codeLabel(t: Translate, group: 'result' | 'ledger' | 'kind', code: string): string {
  const key = `payroll.${group}.${code}`;
  const text = t(key as MessageKey);
  return text === key ? code : text;
}

/** This month in China (YYYY-MM). */
export function thisMonth(): string {
  const fmt = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit' });
  return fmt.format(new Date()).slice(0, 7);
}

/** How a line is paid: the payee when it is not the recipient, else transfer or cash (the server's Chinese labels). */
export const paymentOf = (l: { payee: string; payeeLabel: string; methodLabel: string }) => (l.payee === 'recipient' ? l.methodLabel : l.payeeLabel);

export const STATUS_COLORS: Record<string, string> = { running: 'orange', draft: 'blue', approved: 'green', exported: 'purple' };
