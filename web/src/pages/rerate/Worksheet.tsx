import { Typography } from 'antd';
import type { MessageKey } from '../../i18n/zh-CN.ts';
import { useT } from '../../i18n/context.ts';
import { yuan, type RerateItem } from './api.ts';

const percent = (r: number) => `${Math.round(r * 1000) / 10}%`;

/** One household's worksheet in words: 低保 standard, income, each member's gap and top-up; 特困 support. */
export function Worksheet({ item }: { item: RerateItem }) {
  const t = useT();
  const w = item.worksheet;
  const lines: string[] = [];
  if (w.programme === 'dibao') {
    if (!w.eligible || w.standard === null) lines.push(t('rerate.ws.notEligible'));
    else {
      lines.push(t('rerate.ws.standard', { value: yuan(w.standard), persons: String(w.persons ?? 0), income: yuan(w.perCapitaIncome ?? 0) }));
      for (const m of w.members) {
        let line = t('rerate.ws.member', { name: m.name, hukou: t(`rerate.ws.hukou.${m.hukou}` as MessageKey), standard: yuan(m.standard), gap: yuan(m.gap) });
        if (m.category && m.topup > 0) line += t('rerate.ws.topup', { category: t(`rerate.ws.category.${m.category}` as MessageKey), rate: percent(m.rate), topup: yuan(m.topup) });
        lines.push(line + t('rerate.ws.share', { share: yuan(m.share) }));
      }
      lines.push(t('rerate.ws.total', { total: yuan(w.total ?? 0) }));
    }
  } else if (!w.assessed || w.total === null || !w.mode) lines.push(t('rerate.ws.notAssessed'));
  else {
    lines.push(t('rerate.ws.hardship', {
      mode: t(`rerate.ws.mode.${w.mode}` as MessageKey), selfCare: t(`rerate.ws.selfCare.${w.selfCare}` as MessageKey),
      basic: yuan(w.basicLiving), fixed: yuan(w.fixed), multiple: yuan(w.dibaoMultiple), care: yuan(w.care), total: yuan(w.total),
    }));
  }
  return (
    <div data-testid="rerate-worksheet">
      {lines.map((l, i) => <Typography.Paragraph key={i} style={{ marginBottom: 4 }}>{l}</Typography.Paragraph>)}
    </div>
  );
}
