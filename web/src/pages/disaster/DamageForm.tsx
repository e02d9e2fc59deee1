import { Alert, Col, Form, Input, InputNumber, Modal, Row, Select, Switch } from 'antd';
import { useState } from 'react';
import { HOUSE_GRADES, HOUSE_STRUCTURES, type DamageItem, type EventDetail } from '../../../../src/modules/disaster/contract.ts';
import { fetchChildren } from '../../api/areas.ts';
import { api } from '../../api/client.ts';
import { useApiData } from '../../api/useApiData.ts';
import { useCurrentUser } from '../../auth/context.ts';
import { useT } from '../../i18n/context.ts';
import { fenToYuan, yuanToFen } from '../registry/money.ts';
import { applyFieldErrors } from './formErrors.ts';
import { DateInput } from '../../components/DateInput.tsx';
import { nonNegative } from '../../forms/rules.ts';

interface Values {
  householdNo?: string;
  villageCode?: string;
  headName?: string;
  headIdNumber?: string;
  hukou?: 'urban' | 'rural';
  workCapacity?: 'full' | 'partial' | 'none';
  address?: string;
  phone?: string;
  personsAffected: number;
  personsHomeless: number;
  deaths: number;
  missing: number;
  injured: number;
  houseGrade: string;
  houseStructure: string;
  roomsDamaged: number;
  directLossYuan: number;
  recordedOn: string;
  note?: string;
}

const COUNTS = ['personsAffected', 'personsHomeless', 'deaths', 'missing', 'injured', 'roomsDamaged'] as const;
const SHOWN = ['householdNo', 'villageCode', 'headName', 'headIdNumber', 'address', 'phone', ...COUNTS, 'houseGrade', 'houseStructure', 'directLossYuan', 'recordedOn', 'note'];
const RENAME = {
  directLossFen: 'directLossYuan', 'newHousehold.household.villageCode': 'villageCode', 'newHousehold.members.0.name': 'headName',
  'newHousehold.members.0.idNumber': 'headIdNumber', 'newHousehold.household.address': 'address', 'newHousehold.household.phone': 'phone',
};

/** The villages a household of the event may live in: its villages, and the villages of its townships. */
async function eventVillages(event: EventDetail, mine: string): Promise<{ value: string; label: string }[]> {
  const out = new Map(event.areas.filter((a) => a.level === 'village').map((a) => [a.areaCode, a.areaName]));
  for (const a of event.areas.filter((x) => x.level === 'township')) {
    for (const v of await fetchChildren(a.areaCode)) out.set(v.code, `${a.areaName} ${v.name}`);
  }
  return [...out].filter(([code]) => code.startsWith(mine)).map(([value, label]) => ({ value, label }));
}

/** 登记受灾户 (a household of the registry, or a 新登记户 registered on the spot) or 更正 an entry not yet verified. */
export function DamageForm({ event, entry, onClose, onDone }: { event: EventDetail; entry?: DamageItem; onClose: () => void; onDone: () => void }) {
  const t = useT();
  const me = useCurrentUser();
  const [form] = Form.useForm<Values>();
  const [fresh, setFresh] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const villages = useApiData(() => (fresh ? eventVillages(event, me.areaLevel === 'prefecture' ? '' : me.areaCode) : Promise.resolve([])), [fresh, event.eventNo]);
  const initial: Partial<Values> = entry
    ? { ...entry, directLossYuan: fenToYuan(entry.directLossFen), householdNo: entry.householdNo }
    : { personsAffected: 1, personsHomeless: 0, deaths: 0, missing: 0, injured: 0, roomsDamaged: 0, directLossYuan: 0, houseGrade: 'general', houseStructure: 'brick_wood', hukou: 'rural', workCapacity: 'full', recordedOn: new Date().toISOString().slice(0, 10) };
  const submit = async () => {
    const v = await form.validateFields();
    setBusy(true);
    setError(null);
    const figures = { ...Object.fromEntries(COUNTS.map((k) => [k, v[k] ?? 0])), houseGrade: v.houseGrade, houseStructure: v.houseStructure, directLossFen: yuanToFen(v.directLossYuan ?? 0), note: v.note ?? '' };
    try {
      if (entry) {
        await api(`/disaster/events/${event.eventNo}/damage/${entry.householdNo}`, { method: 'PATCH', body: { ...figures, version: entry.version } });
      } else {
        const who = fresh
          ? { newHousehold: {
              household: { villageCode: v.villageCode, hukou: v.hukou, address: v.address ?? '', phone: v.phone ?? '', bankName: '', bankAccount: '', povertyFile: false, agricultural: v.hukou === 'rural', categories: [] },
              members: [{ idNumber: (v.headIdNumber ?? '').toUpperCase(), name: v.headName, relation: 'head', hukou: v.hukou, workCapacity: v.workCapacity, disabilityKind: null, disabilityGrade: null, seriousIllness: false, student: false, categories: [], leftBehind: null }],
            } }
          : { householdNo: v.householdNo };
        await api(`/disaster/events/${event.eventNo}/damage`, { method: 'POST', body: { ...who, ...figures, recordedOn: v.recordedOn } });
      }
      onDone();
    } catch (err) {
      setError(applyFieldErrors(form, err, SHOWN, RENAME));
    } finally {
      setBusy(false);
    }
  };
  const required = (label: string) => [{ required: true, message: t('common.required', { field: label }) }];
  const count = (k: (typeof COUNTS)[number]) => (
    <Col span={8} key={k}><Form.Item name={k} label={t(`disaster.damage.${k}`)} rules={[...required(t(`disaster.damage.${k}`)), nonNegative(t)]}><InputNumber precision={0} style={{ width: '100%' }} data-testid={`damage-${k}`} /></Form.Item></Col>
  );
  return (
    <Modal open title={entry ? `${t('disaster.damage.correct')} ${entry.headName}（${entry.householdNo}）` : t('disaster.damage.new')} onCancel={onClose} onOk={() => void submit()} confirmLoading={busy} width={720} okButtonProps={{ 'data-testid': 'damage-submit' }}>
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} data-testid="damage-error" />}
      <Form form={form} layout="vertical" initialValues={initial}>
        {!entry && (
          <Form.Item label={t('disaster.damage.newHousehold')}><Switch checked={fresh} onChange={setFresh} data-testid="damage-fresh" /></Form.Item>
        )}
        {!entry && !fresh && (
          <Form.Item name="householdNo" label={t('disaster.damage.householdNo')} rules={[...required(t('disaster.damage.householdNo')), { pattern: /^\d{14}$/, message: t('disaster.damage.householdNoFormat') }]}>
            <Input maxLength={14} data-testid="damage-householdNo" />
          </Form.Item>
        )}
        {!entry && fresh && (
          <Row gutter={12}>
            <Col span={12}><Form.Item name="villageCode" label={t('disaster.damage.village')} rules={required(t('disaster.damage.village'))}><Select showSearch optionFilterProp="label" loading={villages.loading} options={villages.data ?? []} data-testid="damage-village" /></Form.Item></Col>
            <Col span={12}><Form.Item name="headName" label={t('disaster.damage.headName')} rules={required(t('disaster.damage.headName'))}><Input maxLength={20} data-testid="damage-headName" /></Form.Item></Col>
            <Col span={12}><Form.Item name="headIdNumber" label={t('disaster.damage.headIdNumber')} rules={required(t('disaster.damage.headIdNumber'))}><Input maxLength={18} data-testid="damage-headIdNumber" /></Form.Item></Col>
            <Col span={6}><Form.Item name="hukou" label={t('disaster.damage.hukou')}><Select options={(['rural', 'urban'] as const).map((h) => ({ value: h, label: t(`registry.hukou.${h}`) }))} /></Form.Item></Col>
            <Col span={6}><Form.Item name="workCapacity" label={t('disaster.damage.workCapacity')}><Select options={(['full', 'partial', 'none'] as const).map((w) => ({ value: w, label: t(`registry.work.${w}`) }))} /></Form.Item></Col>
            <Col span={16}><Form.Item name="address" label={t('disaster.damage.address')} rules={required(t('disaster.damage.address'))}><Input maxLength={200} data-testid="damage-address" /></Form.Item></Col>
            <Col span={8}><Form.Item name="phone" label={t('disaster.damage.phone')}><Input maxLength={11} /></Form.Item></Col>
          </Row>
        )}
        <Row gutter={12}>
          {COUNTS.slice(0, 5).map(count)}
          <Col span={8}><Form.Item name="houseGrade" label={t('disaster.damage.houseGrade')}><Select options={HOUSE_GRADES.map((g) => ({ value: g, label: t(`disaster.grade.${g}`) }))} data-testid="damage-houseGrade" /></Form.Item></Col>
          <Col span={8}><Form.Item name="houseStructure" label={t('disaster.damage.houseStructure')}><Select options={HOUSE_STRUCTURES.map((s) => ({ value: s, label: t(`disaster.structure.${s}`) }))} /></Form.Item></Col>
          {count('roomsDamaged')}
          <Col span={8}><Form.Item name="directLossYuan" label={t('disaster.damage.directLoss')} rules={[nonNegative(t)]}><InputNumber precision={2} style={{ width: '100%' }} data-testid="damage-directLoss" /></Form.Item></Col>
          {!entry && <Col span={8}><Form.Item name="recordedOn" label={t('disaster.damage.recordedOn')} rules={required(t('disaster.damage.recordedOn'))}><DateInput data-testid="damage-recordedOn" /></Form.Item></Col>}
        </Row>
        <Form.Item name="note" label={t('disaster.damage.note')}><Input.TextArea maxLength={1000} rows={2} /></Form.Item>
      </Form>
    </Modal>
  );
}
