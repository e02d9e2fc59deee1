import { Tag, Tooltip } from 'antd';
import { useT } from '../../i18n/context.ts';

/**
 * Which 发放 an amount is: granted by the decisions (核定, the entitlements they wrote) or paid by the payrolls
 * (实发, approved or exported payrolls), with a tooltip saying where it comes from — so the two are never confused.
 */
export function BasisTag({ basis }: { basis: 'decisions' | 'payroll' }) {
  const t = useT();
  return (
    <Tooltip title={t(`stats.basis.${basis}.tip`)}>
      <Tag color={basis === 'payroll' ? 'green' : 'blue'} tabIndex={0} data-testid={`basis-${basis}`} style={{ marginInlineStart: 4 }}>
        {t(`stats.basis.${basis}`)}
      </Tag>
    </Tooltip>
  );
}
