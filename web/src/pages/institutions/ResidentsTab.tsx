// 入住与床位 of one institution. A placeholder: the placements work (issue 18, must-have 2) replaces
// this file with the residents, admissions, transfers, discharges and bed use.
import { Empty } from 'antd';
import type { InstitutionDetail } from '../../../../src/modules/institutions/contract.ts';
import { useT } from '../../i18n/context.ts';

export function ResidentsTab(_props: { institution: InstitutionDetail }) {
  const t = useT();
  return <Empty description={t('inst.none')} />;
}
