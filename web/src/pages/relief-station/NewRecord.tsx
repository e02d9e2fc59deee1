import { Alert, Checkbox, Form, Input, InputNumber, Modal, Radio, Select } from 'antd';
import { DECISIONS, HEALTHS, IDENTITY_STATUSES, MENTAL_ILLNESS, SEXES, SOURCES, type Decision, type StationList } from '../../../../src/modules/relief-station/contract.ts';
import { useT } from '../../i18n/context.ts';
import { createRecord } from './api.ts';
import { useSubmit } from '../../forms/useSubmit.ts';
import { DateInput } from '../../components/DateInput.tsx';
import { nonNegative } from '../../forms/rules.ts';

interface ScreeningForm {
  stationId: number; source: string; metOn: string; place: string; sex: string; decision: Decision; decidedOn: string;
  name?: string; description?: string; idNumber?: string; birthDate?: string; approxAge?: number; hukouPlace?: string;
  identityStatus?: string; health?: string; mentalIllness?: string; infectiousDisease?: boolean; minor?: boolean;
}

const blank = (v: string | undefined) => (v === undefined || v.trim() === '' ? undefined : v.trim());

/** 新建记录: 甄别 and the decision; a refusal shows only date, place, sex and approximate age (minimum data). */
export function NewRecord({ stations, onClose, onSaved }: { stations: StationList['items']; onClose: () => void; onSaved: (recordNo: string) => void }) {
  const t = useT();
  const [form] = Form.useForm<ScreeningForm>();
  const decision = Form.useWatch('decision', form);
  const refused = decision === 'refused';
  const { busy, error, submit } = useSubmit(form, async (v) => {
    const common = { stationId: v.stationId, source: v.source, metOn: v.metOn, place: v.place, sex: v.sex, approxAge: v.approxAge, decision: v.decision, decidedOn: v.decidedOn };
    const body = refused ? common : {
      ...common, name: blank(v.name), description: blank(v.description), idNumber: blank(v.idNumber), birthDate: blank(v.birthDate), hukouPlace: blank(v.hukouPlace),
      identityStatus: v.identityStatus, health: v.health, mentalIllness: v.mentalIllness, infectiousDisease: v.infectiousDisease ?? false, minor: v.minor ?? false,
    };
    const r = await createRecord(body);
    onSaved(r.recordNo);
  });
  const required = (key: Parameters<typeof t>[0]) => [{ required: true, message: t('common.required', { field: t(key) }) }];
  const today = new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });
  return (
    <Modal open title={t('relief.new')} onCancel={onClose} onOk={() => void submit()} confirmLoading={busy} okText={t('relief.form.save')} width={720}>
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} />}
      {stations.length === 0 && <Alert type="warning" showIcon message={t('relief.noStation')} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" initialValues={{ stationId: stations[0]?.id, source: 'street_outreach', metOn: today, decidedOn: today, decision: 'accepted', identityStatus: 'claimed', health: 'healthy', mentalIllness: 'none', infectiousDisease: false }}>
        <Form.Item name="stationId" label={t('relief.form.station')} rules={required('relief.form.station')}>
          <Select options={stations.map((s) => ({ value: s.id, label: s.name }))} />
        </Form.Item>
        <Form.Item name="source" label={t('relief.form.source')} rules={required('relief.form.source')}>
          <Radio.Group options={SOURCES.map((s) => ({ value: s, label: t(`relief.source.${s}`) }))} />
        </Form.Item>
        <Form.Item name="metOn" label={t('relief.form.metOn')} rules={required('relief.form.metOn')}><DateInput /></Form.Item>
        <Form.Item name="place" label={t('relief.form.place')} rules={required('relief.form.place')}><Input maxLength={200} /></Form.Item>
        <Form.Item name="sex" label={t('relief.form.sex')} rules={required('relief.form.sex')}>
          <Radio.Group options={SEXES.map((s) => ({ value: s, label: t(`relief.sex.${s}`) }))} />
        </Form.Item>
        <Form.Item name="approxAge" label={t('relief.form.approxAge')} rules={[...(refused ? required('relief.form.approxAge') : []), nonNegative(t)]}><InputNumber max={120} precision={0} /></Form.Item>
        <Form.Item name="decision" label={t('relief.form.decision')} rules={required('relief.form.decision')}>
          <Select options={DECISIONS.map((d) => ({ value: d, label: t(`relief.decision.${d}`) }))} data-testid="relief-decision" />
        </Form.Item>
        <Form.Item name="decidedOn" label={t('relief.form.decidedOn')} rules={required('relief.form.decidedOn')}><DateInput /></Form.Item>
        {refused ? <Alert type="info" showIcon message={t('relief.form.refusalHint')} /> : (
          <>
            <Form.Item name="name" label={t('relief.form.name')}><Input maxLength={50} /></Form.Item>
            <Form.Item name="description" label={t('relief.form.description')}><Input.TextArea maxLength={500} rows={2} /></Form.Item>
            <Form.Item name="idNumber" label={t('relief.form.idNumber')}><Input maxLength={18} /></Form.Item>
            <Form.Item name="birthDate" label={t('relief.form.birthDate')}><DateInput /></Form.Item>
            <Form.Item name="hukouPlace" label={t('relief.form.hukouPlace')}><Input maxLength={200} /></Form.Item>
            <Form.Item name="identityStatus" label={t('relief.form.identityStatus')} rules={required('relief.form.identityStatus')}>
              <Radio.Group options={IDENTITY_STATUSES.map((s) => ({ value: s, label: t(`relief.identity.${s}`) }))} />
            </Form.Item>
            <Form.Item name="health" label={t('relief.form.health')} rules={required('relief.form.health')}>
              <Radio.Group options={HEALTHS.map((s) => ({ value: s, label: t(`relief.health.${s}`) }))} />
            </Form.Item>
            <Form.Item name="mentalIllness" label={t('relief.form.mentalIllness')} rules={required('relief.form.mentalIllness')}>
              <Radio.Group options={MENTAL_ILLNESS.map((s) => ({ value: s, label: t(`relief.mental.${s}`) }))} />
            </Form.Item>
            <Form.Item name="infectiousDisease" valuePropName="checked"><Checkbox>{t('relief.form.infectiousDisease')}</Checkbox></Form.Item>
            <Form.Item name="minor" valuePropName="checked"><Checkbox>{t('relief.form.minor')}</Checkbox></Form.Item>
          </>
        )}
      </Form>
    </Modal>
  );
}
