import { Alert, Button, Card, Checkbox, Form, Input, InputNumber, List, Radio, Result, Select, Space, Typography } from 'antd';
import { useState, type ChangeEvent } from 'react';
import { useSearchParams } from 'react-router-dom';
import { portalApi, PortalApiError } from '../../api/client.ts';
import { useLoad } from '../../api/useLoad.ts';
import { useT } from '../../i18n/context.ts';
import type { Application, Prefill } from './api.ts';
import { readDataUrl } from '../../../../src/components/files.ts';
import { MAX_FILES, refusalOf, type ChosenFile } from './files.ts';
import { SignaturePad } from './SignaturePad.tsx';
import { NewApplicantFields, type NewApplicantValues } from './NewApplicantFields.tsx';
import { medicalBody, MedicalFields, medicalFieldPath, type MedicalValues } from './MedicalFields.tsx';

interface Fields {
  programme: string;
  householdNo: string;
  description: string;
  temporaryKind?: 'emergency' | 'expenditure';
  temporaryMonths?: number;
  authorised: boolean;
  signature?: string;
  /** Only for a citizen with no household in the registry. */
  newApplicant?: NewApplicantValues;
  /** Only for 医疗救助 (a registered household's member). */
  medical?: MedicalValues;
}

/** Server field → form field (the rest are shown above the form). */
const FIELD_OF: Record<string, keyof Fields> = {
  programme: 'programme', householdNo: 'householdNo', description: 'description', 'temporary.kind': 'temporaryKind', 'temporary.months': 'temporaryMonths',
  authorised: 'authorised', signature: 'signature',
};

/** A choice is required (a validator, not `required`: antd would put aria-required on the radio group's div, which axe refuses). */
const chosen = (message: string) => ({ validator: (_: unknown, v: unknown) => (v ? Promise.resolve() : Promise.reject(new Error(message))) });

/** 申请救助: programme, household (prefilled from the registry), difficulties, documents, the signed 核对 authorisation; and my applications. */
export default function ApplyPage() {
  const t = useT();
  const [form] = Form.useForm<Fields>();
  // 政策找人's suggestion links here with the programme it found (`?programme=dibao`).
  const [search] = useSearchParams();
  const prefill = useLoad<Prefill>('/applications/prefill');
  const mine = useLoad<{ items: (Application & { householdNo: string | null })[] }>('/applications');
  const [files, setFiles] = useState<ChosenFile[]>([]);
  const [fileNotes, setFileNotes] = useState<string[]>([]);
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<Application>();
  const programme = Form.useWatch('programme', form);
  const householdNo = Form.useWatch('householdNo', form);

  if (prefill.error) return <Alert type="error" showIcon message={t('common.error', { message: prefill.error.message })} action={<Button onClick={prefill.reload}>{t('common.retry')}</Button>} />;
  const data = prefill.data;
  const registered = (data?.households.length ?? 0) > 0;
  const household = data?.households.find((h) => h.householdNo === householdNo) ?? data?.households[0];

  const choose = async (e: ChangeEvent<HTMLInputElement>) => {
    const chosen = [...(e.target.files ?? [])];
    e.target.value = '';
    const notes: string[] = [];
    const added: ChosenFile[] = [];
    for (const f of chosen) {
      const refused = refusalOf(f);
      if (refused) notes.push(t(refused.reason === 'tooLarge' ? 'apply.documents.tooLarge' : 'apply.documents.wrongType', { name: f.name }));
      else if (files.length + added.length >= MAX_FILES) notes.push(t('apply.documents.tooMany'));
      else added.push({ name: f.name, size: f.size, content: await readDataUrl(f) });
    }
    setFiles((prev) => [...prev, ...added]);
    setFileNotes([...new Set(notes)]);
  };

  const submit = async (v: Fields) => {
    if (v.programme === 'medical' && files.length === 0) {
      setError(t('apply.medical.bills.required'));
      return;
    }
    setBusy(true);
    setError(undefined);
    try {
      const made = await portalApi<Application>('/applications', {
        method: 'POST',
        body: {
          programme: v.programme, ...(registered ? { householdNo: v.householdNo } : { newApplicant: v.newApplicant }), description: v.description, authorised: v.authorised === true, signature: v.signature ?? '',
          documents: files.map((f) => ({ name: f.name, content: f.content })),
          ...(v.programme === 'temporary' ? { temporary: { kind: v.temporaryKind, months: v.temporaryMonths } } : {}),
          ...(v.programme === 'medical' && v.medical ? { medical: medicalBody(v.medical) } : {}),
        },
      });
      setDone(made);
      mine.reload();
    } catch (err) {
      if (!(err instanceof PortalApiError)) {
        setError(err instanceof Error ? err.message : String(err));
        return;
      }
      // newApplicant.members.0.idNumber → ['newApplicant', 'members', 0, 'idNumber']
      const newApplicantPath = (field: string) => (field.startsWith('newApplicant.') ? field.split('.').map((x) => (/^\d+$/.test(x) ? Number(x) : x)) : medicalFieldPath(field));
      const named = err.fields.filter((f) => FIELD_OF[f.field] || newApplicantPath(f.field));
      form.setFields(named.map((f) => ({ name: newApplicantPath(f.field) ?? (FIELD_OF[f.field] as keyof Fields), errors: [f.message] })) as Parameters<typeof form.setFields>[0]);
      const doc = err.fields.find((f) => f.field.startsWith('documents'));
      const index = doc ? Number(doc.field.split('.')[1]) : NaN;
      const rest = err.fields.filter((f) => !FIELD_OF[f.field] && !newApplicantPath(f.field));
      if (doc) setError(`${Number.isNaN(index) ? '' : `${files[index]?.name ?? ''}：`}${doc.message}`);
      else if (named.length === 0 || rest.length > 0) setError(rest[0]?.message ?? err.message);
    } finally {
      setBusy(false);
    }
  };

  const again = () => {
    setDone(undefined);
    setFiles([]);
    form.resetFields();
  };

  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      <Card loading={prefill.loading}>
        <Typography.Title level={3} style={{ marginTop: 0 }}>{t('apply.title')}</Typography.Title>
        {data && data.households.length === 0 && !done && <Alert type="info" showIcon message={t('apply.noHousehold')} data-testid="apply-no-household" />}
        {done && (
          <div data-testid="apply-done">
            <Result status="success" title={t('apply.done')}
              subTitle={t('apply.done.detail', { requestNo: done.requestNo, programme: done.programmeName, state: done.state })}
              extra={<Button onClick={again}>{t('apply.again')}</Button>} />
          </div>
        )}
        {data && !done && (
          <Form form={form} layout="vertical" size="large" requiredMark={false} onFinish={(v) => void submit(v)}
            initialValues={{ householdNo: data.households[0]?.householdNo, authorised: false, temporaryMonths: 1, programme: data.programmes.find((p) => p.code === search.get('programme'))?.code }}>
            {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} data-testid="apply-error" />}
            <Form.Item name="programme" label={t('apply.programme')} rules={[chosen(t('apply.programme.required'))]}>
              {/* 医疗救助 is for a registered household's member only (the server refuses a new applicant's) */}
              <Radio.Group options={data.programmes.filter((p) => registered || p.code !== 'medical').map((p) => ({ value: p.code, label: p.name }))} data-testid="apply-programme" />
            </Form.Item>
            {registered ? (
              <Form.Item name="householdNo" label={t('apply.household')}>
                <Select options={data.households.map((h) => ({ value: h.householdNo, label: t('apply.householdOption', { village: h.villageName, householdNo: h.householdNo }) }))} />
              </Form.Item>
            ) : (
              <NewApplicantFields />
            )}
            {household && (
              <Form.Item label={t('apply.members')}>
                <Typography.Text>{household.members.map((m) => t('apply.member', { name: m.name, relation: m.relation, age: m.age })).join('；')}</Typography.Text>
              </Form.Item>
            )}
            {programme === 'temporary' && (
              <>
                <Form.Item name="temporaryKind" label={t('apply.temporary.kind')} rules={[chosen(t('apply.temporary.kind.required'))]}>
                  <Radio.Group options={[{ value: 'emergency', label: t('apply.temporary.emergency') }, { value: 'expenditure', label: t('apply.temporary.expenditure') }]} />
                </Form.Item>
                <Form.Item name="temporaryMonths" label={t('apply.temporary.months')} rules={[{ required: true, message: t('apply.temporary.months.required') }]}>
                  <InputNumber min={1} max={24} precision={0} style={{ width: '100%' }} />
                </Form.Item>
              </>
            )}
            {programme === 'medical' && <MedicalFields />}
            <Form.Item name="description" label={t('apply.description')} rules={[{ required: true, min: 4, whitespace: true, message: t('apply.description.required') }]}>
              <Input.TextArea rows={4} maxLength={1500} showCount placeholder={t('apply.description.placeholder')} data-testid="apply-description" />
            </Form.Item>
            <Form.Item label={t('apply.documents')} extra={t('apply.documents.hint')}>
              <Space direction="vertical" style={{ width: '100%' }}>
                <input type="file" multiple accept="image/png,image/jpeg,application/pdf" onChange={(e) => void choose(e)} aria-label={t('apply.documents.choose')} data-testid="apply-files" />
                {fileNotes.map((n) => <Alert key={n} type="warning" showIcon message={n} />)}
                {files.length > 0 && (
                  <List size="small" bordered dataSource={files} data-testid="apply-file-list"
                    renderItem={(f, i) => (
                      <List.Item actions={[<Button key="remove" size="small" onClick={() => setFiles((prev) => prev.filter((_, j) => j !== i))}>{t('apply.documents.remove')}</Button>]}>
                        {f.name}（{(f.size / 1024).toFixed(0)} KB）
                      </List.Item>
                    )} />
                )}
              </Space>
            </Form.Item>
            <Card size="small" title={t('apply.authorisation')} style={{ marginBottom: 16 }}>
              <Typography.Paragraph>{t('apply.authorisation.text')}</Typography.Paragraph>
              <Form.Item name="authorised" valuePropName="checked" rules={[{ validator: (_, v) => (v === true ? Promise.resolve() : Promise.reject(new Error(t('apply.authorised.required')))) }]}>
                <Checkbox data-testid="apply-authorised">{t('apply.authorised')}</Checkbox>
              </Form.Item>
              <Form.Item name="signature" label={t('apply.signature')} rules={[{ required: true, message: t('apply.signature.required') }]} style={{ marginBottom: 0 }}>
                <SignaturePad />
              </Form.Item>
            </Card>
            <Button type="primary" htmlType="submit" block loading={busy} data-testid="apply-submit">{t('apply.submit')}</Button>
          </Form>
        )}
      </Card>
      <Card title={t('apply.mine')} loading={mine.loading}>
        {mine.data && mine.data.items.length === 0 && <Typography.Text type="secondary">{t('apply.mine.empty')}</Typography.Text>}
        {mine.data && mine.data.items.length > 0 && (
          <List dataSource={mine.data.items} rowKey="requestNo" data-testid="apply-mine"
            renderItem={(a) => (
              <List.Item>
                <List.Item.Meta title={t('apply.mine.item', { programme: a.programmeName, receivedOn: a.receivedOn })}
                  description={`${t('apply.mine.requestNo', { requestNo: a.requestNo })} · ${t('apply.mine.state', { state: a.state })}`} />
              </List.Item>
            )} />
        )}
      </Card>
    </Space>
  );
}
