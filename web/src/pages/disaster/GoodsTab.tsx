import { Alert, Button, Card, Form, Input, InputNumber, Select, Space, Table } from 'antd';
import { useState } from 'react';
import { GOODS_ITEMS, type EventDetail, type GoodsItemCode, type GoodsList } from '../../../../src/modules/disaster/contract.ts';
import { api } from '../../api/client.ts';
import { useApiData } from '../../api/useApiData.ts';
import { useT } from '../../i18n/context.ts';
import { applyFieldErrors } from './formErrors.ts';
import { DateInput } from '../../components/DateInput.tsx';

interface Values {
  householdNo: string;
  item: GoodsItemCode;
  quantity: number;
  issuedOn: string;
  note?: string;
}

type Issue = GoodsList['items'][number];
type Total = GoodsList['totals'][number];

/** 物资发放 of one event: issue goods to a household (in the item's unit), totals per item, every issue. */
export function GoodsTab({ event }: { event: EventDetail }) {
  const t = useT();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const list = useApiData(() => api<GoodsList>(`/disaster/events/${event.eventNo}/goods`), [event.eventNo]);
  const item = Form.useWatch('item', form);
  const unit = (i: GoodsItemCode | undefined) => (i ? t(`disaster.unit.${i}`) : '');
  const submit = async () => {
    const v = await form.validateFields();
    setBusy(true);
    setError(null);
    try {
      await api(`/disaster/events/${event.eventNo}/goods`, { method: 'POST', body: { ...v, note: v.note ?? '' } });
      form.resetFields(['householdNo', 'quantity', 'note']);
      list.reload();
    } catch (err) {
      setError(applyFieldErrors(form, err, ['householdNo', 'item', 'quantity', 'issuedOn', 'note']));
    } finally {
      setBusy(false);
    }
  };
  const required = (label: string) => [{ required: true, message: t('common.required', { field: label }) }];
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {event.mayRecord && (
        <Card size="small" title={t('disaster.goods.new')}>
          {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} data-testid="goods-error" />}
          <Form form={form} layout="inline" initialValues={{ item: 'quilt', quantity: 1, issuedOn: new Date().toISOString().slice(0, 10) }}>
            <Form.Item name="householdNo" label={t('disaster.damage.householdNo')} rules={required(t('disaster.damage.householdNo'))}><Input maxLength={14} style={{ width: 170 }} data-testid="goods-householdNo" /></Form.Item>
            <Form.Item name="item" label={t('disaster.goods.item')}><Select style={{ width: 110 }} options={GOODS_ITEMS.map((i) => ({ value: i, label: t(`disaster.item.${i}`) }))} data-testid="goods-item" /></Form.Item>
            <Form.Item name="quantity" label={t('disaster.goods.quantity')} rules={required(t('disaster.goods.quantity'))}><InputNumber min={1} precision={0} addonAfter={unit(item)} style={{ width: 140 }} data-testid="goods-quantity" /></Form.Item>
            <Form.Item name="issuedOn" label={t('disaster.goods.issuedOn')} rules={required(t('disaster.goods.issuedOn'))}><DateInput data-testid="goods-issuedOn" /></Form.Item>
            <Form.Item name="note" label={t('disaster.goods.note')}><Input maxLength={200} style={{ width: 200 }} /></Form.Item>
            <Form.Item><Button type="primary" loading={busy} onClick={() => void submit()} data-testid="goods-submit">{t('disaster.form.submit')}</Button></Form.Item>
          </Form>
        </Card>
      )}
      {list.error && <Alert type="error" showIcon message={t('common.loadFailed', { message: list.error.message })} />}
      <Card size="small" title={t('disaster.goods.totals')}>
        <Table<Total> size="small" rowKey="item" pagination={false} dataSource={list.data?.totals ?? []} data-testid="goods-totals" locale={{ emptyText: t('common.noData') }} columns={[
          { key: 'item', title: t('disaster.goods.item'), render: (_, r) => t(`disaster.item.${r.item}`) },
          { key: 'quantity', title: t('disaster.goods.quantity'), align: 'right', dataIndex: 'quantity' },
          { key: 'unit', title: t('disaster.goods.unit'), render: (_, r) => t(`disaster.unit.${r.item}`) },
          { key: 'households', title: t('disaster.goods.households'), align: 'right', dataIndex: 'households' },
        ]} />
      </Card>
      <Card size="small" title={t('disaster.goods.list')}>
        <Table<Issue> size="small" rowKey={(r) => `${r.householdNo}-${r.item}-${r.issuedOn}-${r.issuedBy}-${r.quantity}-${r.note}`} loading={list.loading} dataSource={list.data?.items ?? []} data-testid="goods-table" locale={{ emptyText: t('common.noData') }} columns={[
          { key: 'no', title: t('disaster.damage.householdNo'), dataIndex: 'householdNo' },
          { key: 'head', title: t('disaster.damage.headName'), dataIndex: 'headName' },
          { key: 'area', title: t('disaster.damage.area'), dataIndex: 'areaName' },
          { key: 'item', title: t('disaster.goods.item'), render: (_, r) => t(`disaster.item.${r.item}`) },
          { key: 'quantity', title: t('disaster.goods.quantity'), align: 'right', render: (_, r) => `${r.quantity} ${t(`disaster.unit.${r.item}`)}` },
          { key: 'on', title: t('disaster.goods.issuedOn'), dataIndex: 'issuedOn' },
          { key: 'by', title: t('disaster.goods.issuedBy'), dataIndex: 'issuedBy' },
          { key: 'note', title: t('disaster.damage.note'), dataIndex: 'note' },
        ]} />
      </Card>
    </Space>
  );
}
