import { Alert, Card, Col, Row, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { Assistance } from '../../../../src/modules/wishes/contract.ts';
import { useApiData } from '../../api/useApiData.ts';
import { useT } from '../../i18n/context.ts';
import { formatYuan } from '../registry/money.ts';
import { assistance } from './api.ts';

type Government = Assistance['government'][number];
interface CharityRow { key: string; on: string; what: string; from: string; valueFen: number; duplicates: string[] }

const thisYear = () => Number(new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' }).slice(0, 4));

/**
 * 社会救助与慈善帮扶 on the household page (for those who may read wishes): for a year, the government
 * assistance and the charity (fulfilled wishes, donations) side by side with their totals, each charity
 * item tagged with the programmes that paid the household in the same month.
 */
export function HouseholdAssistanceTab({ householdNo, version }: { householdNo: string; version: number }) {
  const t = useT();
  const [year, setYear] = useState(thisYear);
  const data = useApiData(() => assistance(householdNo, year), [householdNo, year, version]);
  const a = data.data;
  const years = Array.from({ length: 12 }, (_, i) => thisYear() - i);
  const charity: CharityRow[] = a ? [
    ...a.wishes.map((w) => ({ key: `w-${w.wishNo}`, on: w.fulfilledOn, what: `${t('wishes.household.wish')}：${w.description}`, from: `${t(`wishes.claimant.${w.claimantKind}`)} · ${w.claimantName}`, valueFen: w.valueFen, duplicates: w.duplicates })),
    ...a.donations.map((d) => ({
      key: `d-${d.id}`, on: d.receivedOn,
      what: `${t('wishes.household.donation')}：${d.form === 'goods' ? `${d.goodsDescription ?? ''} × ${d.goodsQuantity ?? ''}` : t('wishes.form.cash')}`,
      from: `${t(`wishes.donor.${d.donorKind}`)} · ${d.donorName}`, valueFen: d.valueFen, duplicates: d.duplicates,
    })),
  ].sort((x, y) => x.on.localeCompare(y.on)) : [];
  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid="household-assistance">
      <Space wrap>
        <Typography.Text>{t('wishes.household.year')}</Typography.Text>
        <Select aria-label={t('wishes.household.year')} style={{ width: 110 }} value={year} onChange={setYear} data-testid="assistance-year" options={years.map((y) => ({ value: y, label: t('wishes.household.yearOption', { year: y }) }))} />
      </Space>
      {data.error && <Alert type="error" showIcon message={t('common.loadFailed', { message: data.error.message })} />}
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={12}>
          <Card size="small" title={t('wishes.household.government')} loading={data.loading && !a}
            extra={<Typography.Text strong data-testid="assistance-government-total">{t('wishes.household.total', { amount: formatYuan(a?.totals.governmentFen ?? 0) })}</Typography.Text>}>
            <Table<Government> size="small" rowKey={(g) => `${g.programme}-${g.fromMonth}`} pagination={false} dataSource={a?.government ?? []} locale={{ emptyText: t('wishes.household.noGovernment') }} columns={[
              { key: 'p', title: t('wishes.assistance.programme'), dataIndex: 'programmeName' },
              { key: 'f', title: t('wishes.household.period'), render: (_, g) => `${g.fromMonth} — ${g.toMonth ?? t('wishes.household.ongoing')}` },
              { key: 'm', title: t('wishes.household.months'), align: 'right', dataIndex: 'months' },
              { key: 'a', title: t('wishes.household.amount'), align: 'right', render: (_, g) => formatYuan(g.amountFen) },
              { key: 'y', title: t('wishes.household.yearAmount'), align: 'right', render: (_, g) => formatYuan(g.yearFen) },
            ]} />
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card size="small" title={t('wishes.household.charity')} loading={data.loading && !a}
            extra={<Typography.Text strong data-testid="assistance-charity-total">{t('wishes.household.total', { amount: formatYuan(a?.totals.charityFen ?? 0) })}</Typography.Text>}>
            <Table<CharityRow> size="small" rowKey="key" pagination={false} dataSource={charity} locale={{ emptyText: t('wishes.household.noCharity') }} columns={[
              { key: 'on', title: t('wishes.household.on'), render: (_, c) => <span style={{ whiteSpace: 'nowrap' }}>{c.on}</span> },
              { key: 'w', title: t('wishes.household.what'), render: (_, c) => (
                <Space direction="vertical" size={2}>
                  <span>{c.what}</span>
                  {c.duplicates.length > 0 && <Tag color="orange" data-testid="assistance-duplicate">{t('wishes.household.duplicates', { programmes: c.duplicates.join('、') })}</Tag>}
                </Space>
              ) },
              { key: 'f', title: t('wishes.household.from'), dataIndex: 'from' },
              { key: 'v', title: t('wishes.household.value'), align: 'right', render: (_, c) => formatYuan(c.valueFen) },
            ]} />
          </Card>
        </Col>
      </Row>
    </Space>
  );
}
