import { Alert, Card, Form, Input, InputNumber, Radio } from 'antd';
import { useT } from '../../i18n/context.ts';
import type { ApplyMessageKey } from './messages.zh-CN.ts';

/** The form's 医疗救助 facts: amounts in 元 (sent in fen). */
export interface MedicalValues {
  kind: 'inpatient' | 'outpatient';
  hospital: string;
  diagnosis: string;
  admittedOn: string;
  dischargedOn?: string;
  totalCostYuan: number;
  basicInsuranceYuan: number;
  criticalInsuranceYuan?: number;
  eligibleSelfPayYuan: number;
  settlementNo?: string;
}

const AMOUNTS = ['totalCost', 'basicInsurance', 'criticalInsurance', 'eligibleSelfPay'] as const;
const fen = (yuan: number | undefined) => Math.round((yuan ?? 0) * 100);

/** What the server takes (`medical` of the application; src/portal/apply-medical.ts). */
export function medicalBody(v: MedicalValues) {
  return {
    kind: v.kind, hospital: v.hospital, diagnosis: v.diagnosis, admittedOn: v.admittedOn,
    ...(v.kind === 'inpatient' && v.dischargedOn ? { dischargedOn: v.dischargedOn } : {}),
    totalCostFen: fen(v.totalCostYuan), basicInsuranceFen: fen(v.basicInsuranceYuan), criticalInsuranceFen: fen(v.criticalInsuranceYuan), eligibleSelfPayFen: fen(v.eligibleSelfPayYuan),
    ...(v.settlementNo ? { settlementNo: v.settlementNo } : {}),
  };
}

/** Server field (`medical.totalCostFen`) → the form's field path (`['medical', 'totalCostYuan']`). */
export function medicalFieldPath(field: string): (string | number)[] | undefined {
  const m = /^medical\.(\w+)$/.exec(field);
  if (!m?.[1]) return undefined;
  return ['medical', m[1].replace(/Fen$/, 'Yuan')];
}

/** 医疗救助: the episode as on the hospital's bill. */
export function MedicalFields() {
  const t = useT();
  const kind = Form.useWatch(['medical', 'kind']) as MedicalValues['kind'] | undefined;
  const required = (message: string) => [{ required: true, whitespace: true, message }];
  return (
    <Card size="small" title={t('apply.medical.title')} style={{ marginBottom: 16 }} data-testid="apply-medical">
      <Alert type="info" showIcon message={t('apply.medical.hint')} style={{ marginBottom: 16 }} />
      <Form.Item name={['medical', 'kind']} label={t('apply.medical.kind')} rules={[{ validator: (_: unknown, v: unknown) => (v ? Promise.resolve() : Promise.reject(new Error(t('apply.medical.kind.required')))) }]}>
        <Radio.Group options={[{ value: 'inpatient', label: t('apply.medical.inpatient') }, { value: 'outpatient', label: t('apply.medical.outpatient') }]} />
      </Form.Item>
      <Form.Item name={['medical', 'hospital']} label={t('apply.medical.hospital')} rules={required(t('apply.medical.hospital.required'))}>
        <Input maxLength={100} data-testid="apply-medical-hospital" />
      </Form.Item>
      <Form.Item name={['medical', 'diagnosis']} label={t('apply.medical.diagnosis')} rules={required(t('apply.medical.diagnosis.required'))}>
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item name={['medical', 'admittedOn']} label={t(kind === 'outpatient' ? 'apply.medical.visitedOn' : 'apply.medical.admittedOn')} rules={required(t('apply.medical.date.required'))}>
        <Input type="date" />
      </Form.Item>
      {kind !== 'outpatient' && (
        <Form.Item name={['medical', 'dischargedOn']} label={t('apply.medical.dischargedOn')}>
          <Input type="date" />
        </Form.Item>
      )}
      {AMOUNTS.map((a) => (
        <Form.Item key={a} name={['medical', `${a}Yuan`]} label={t(`apply.medical.${a}` as ApplyMessageKey)}
          rules={a === 'criticalInsurance' ? [] : [{ required: true, message: t('apply.medical.amount.required') }]}>
          <InputNumber min={0} precision={2} addonAfter={t('apply.medical.yuan')} style={{ width: '100%' }} />
        </Form.Item>
      ))}
      <Form.Item name={['medical', 'settlementNo']} label={t('apply.medical.settlementNo')}>
        <Input maxLength={60} />
      </Form.Item>
    </Card>
  );
}
