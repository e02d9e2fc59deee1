import { Alert, Button, Checkbox, Form, Input, Popconfirm, Select, Space, Tag, Typography, message } from 'antd';
import { useState } from 'react';
import { useApiData } from '../../api/useApiData.ts';
import { useProgrammes } from '../../api/useProgrammes.ts';
import { useCurrentUser } from '../../auth/context.ts';
import { can } from '../../auth/permissions.ts';
import { useT } from '../../i18n/context.ts';
import { performStep, todayInChina, type NextAction } from '../cases/api.ts';
import { fetchCaseVerification, recordAuthorization, requestVerification, resolveFinding, type Resolution, type Signer } from './api.ts';
import { knownFields, showFieldErrors } from '../registry/fieldErrors.ts';
import { FindingsTable } from './FindingsTable.tsx';
import { DateInput } from '../../components/DateInput.tsx';

const STEPS = ['verify_economic_status', 'review_income_check'];
const AUTH_FIELDS = knownFields(['signerMemberId', 'signerName', 'signerIdNumber', 'signedOn']);

interface AuthValues {
  signerRole: 'household' | 'supporter';
  /** A member of the household (signerRole household). */
  signerMemberId?: number;
  /** Typed for a legal supporter outside the household. */
  signerName?: string;
  signerIdNumber?: string;
  signedOn: string;
  noLegalSupporter?: boolean;
}

/** On the case page: the household's authorization, the verification requests and their findings, and the step's result. */
export function CaseVerification({ caseNo, householdNo, nextActions, onChanged }: { caseNo: string; householdNo: string; nextActions: NextAction[]; onChanged: () => void }) {
  const t = useT();
  const me = useCurrentUser();
  const [version, setVersion] = useState(0);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [toast, holder] = message.useMessage();
  const [form] = Form.useForm<AuthValues>();
  const signerRole = Form.useWatch('signerRole', form);
  const programmes = useProgrammes();
  const data = useApiData(() => fetchCaseVerification(caseNo), [caseNo, version]);
  const v = data.data;
  const changed = () => {
    setVersion((x) => x + 1);
    onChanged();
  };
  const run = async (fn: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await fn();
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  if (data.error) return <Alert type="error" showIcon message={t('common.loadFailed', { message: data.error.message })} />;
  if (!v) return null;
  const latest = v.requests.at(-1);
  const step = nextActions.find((a) => STEPS.includes(a.action));
  const mayRequest = can(me, 'verification.request');
  const resolve = can(me, 'verification.resolve')
    ? async (id: number, r: Resolution, note: string) => run(async () => {
      await resolveFinding(id, r, note);
      changed();
    })
    : null;

  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid="case-verification">
      {holder}
      {error && <Alert type="error" showIcon message={error} data-testid="verification-error" />}
      <Typography.Text strong>{t('verification.case.authorizations')}</Typography.Text>
      <Space wrap>
        {v.authorizations.length === 0 && <Tag>{t('verification.case.noAuthorization')}</Tag>}
        {v.authorizations.map((a) => (
          <Tag key={a.id} color="green">{`${t(`verification.case.signerRole.${a.signerRole}`)} ${a.signerName} ${a.signedOn}${a.noLegalSupporter ? ` · ${t('verification.case.noLegalSupporter')}` : ''}`}</Tag>
        ))}
      </Space>
      {v.authorizationMissing && <Alert type="warning" showIcon message={v.authorizationMissing} />}
      {mayRequest && (
        <Form<AuthValues> form={form} layout="inline" initialValues={{ signerRole: 'household', signedOn: todayInChina() }} data-testid="authorization-form"
          onFinish={(values) => void run(async () => {
            // A household member is picked from the list (the server takes the name and ID number from the registry).
            const signer: Signer = values.signerRole === 'household' && values.signerMemberId !== undefined
              ? { signerMemberId: values.signerMemberId }
              : { signerName: values.signerName ?? '', signerIdNumber: values.signerIdNumber ?? '' };
            try {
              await recordAuthorization({ householdNo, signerRole: values.signerRole, ...signer, signedOn: values.signedOn, noLegalSupporter: values.noLegalSupporter === true });
            } catch (err) {
              const elsewhere = showFieldErrors(form, err, { onForm: AUTH_FIELDS });
              if (elsewhere.length > 0) throw new Error(elsewhere.join(t('verification.case.listSep')));
              return;
            }
            form.resetFields();
            changed();
          })}>
          <Form.Item name="signerRole" label={t('verification.case.signerRole')}>
            <Select style={{ width: 120 }} options={(['household', 'supporter'] as const).map((r) => ({ value: r, label: t(`verification.case.signerRole.${r}`) }))} />
          </Form.Item>
          {signerRole === 'supporter' ? (
            <>
              <Form.Item name="signerName" label={t('verification.case.signerName')} rules={[{ required: true, whitespace: true, min: 2, message: t('verification.case.signerNameRule') }]}><Input style={{ width: 110 }} data-testid="signer-name" /></Form.Item>
              <Form.Item name="signerIdNumber" label={t('verification.case.signerIdNumber')} rules={[{ required: true, len: 18, message: t('verification.case.signerIdRule') }]}><Input style={{ width: 190 }} data-testid="signer-id" /></Form.Item>
            </>
          ) : (
            <Form.Item name="signerMemberId" label={t('verification.case.signerMember')} rules={[{ required: true, message: t('verification.case.signerMemberRule') }]}>
              <Select style={{ width: 300 }} data-testid="signer-member" placeholder={t('verification.case.signerMemberPick')}
                options={v.members.map((m) => ({ value: m.memberId, label: t('verification.case.signerMemberOption', { name: m.name, relation: t(`registry.relation.${m.relation}`), idNumber: m.idNumber }) }))} />
            </Form.Item>
          )}
          <Form.Item name="signedOn" label={t('verification.case.signedOn')} rules={[{ required: true }]}><DateInput style={{ width: 150 }} /></Form.Item>
          {/* Programmes that need the legal supporters' authorization (特困) let the household state that it has none. */}
          {signerRole !== 'supporter' && programmes.find(v.programme)?.verification.supporters === true && <Form.Item name="noLegalSupporter" valuePropName="checked"><Checkbox>{t('verification.case.noLegalSupporter')}</Checkbox></Form.Item>}
          <Form.Item><Button htmlType="submit" loading={busy} data-testid="authorization-save">{t('verification.case.addAuthorization')}</Button></Form.Item>
        </Form>
      )}
      {mayRequest && (
        <Button type="primary" disabled={v.authorizationMissing !== null} loading={busy} data-testid="verification-request"
          onClick={() => void run(async () => {
            const r = await requestVerification(caseNo);
            void toast.success(t('verification.case.requested', { requestNo: r.requestNo, findings: r.findings }));
            changed();
          })}>{t('verification.case.request')}</Button>
      )}
      {v.requests.length === 0 && <Typography.Text type="secondary">{t('verification.case.noRequests')}</Typography.Text>}
      {[...v.requests].reverse().map((r) => (
        <div key={r.requestNo} data-testid={`request-${r.requestNo}`}>
          <Space style={{ marginBottom: 8 }}>
            <Typography.Text strong>{t('verification.case.requestTitle', { requestNo: r.requestNo, kind: t(`verification.case.kind.${r.kind}`), date: r.requestedOn, persons: r.persons })}</Typography.Text>
            {r.unresolvedBreaking > 0 ? <Tag color="red">{t('verification.case.unresolved', { count: r.unresolvedBreaking })}</Tag> : <Tag color="green">{t('verification.case.allResolved')}</Tag>}
          </Space>
          <FindingsTable findings={r.findings} onResolve={resolve} />
        </div>
      ))}
      {latest && step && (
        <Space>
          {/* Recorded once, as the request's findings decide it: the confirmation says which result, from how much. */}
          <Popconfirm
            disabled={!step.allowed}
            title={t('verification.case.recordResult')}
            description={
              <div style={{ maxWidth: 360 }} data-testid="verification-result-confirm">
                {t(latest.confirmedBreaking > 0 ? 'verification.case.confirmFail' : 'verification.case.confirmPass', { requestNo: latest.requestNo, persons: latest.persons, findings: latest.findings.length, confirmed: latest.confirmedBreaking })}
              </div>
            }
            okText={t('verification.case.confirmOk')}
            onConfirm={() => void run(async () => {
              await performStep(caseNo, { action: step.action, data: { method: 'request', requestNo: latest.requestNo, result: latest.confirmedBreaking > 0 ? 'fail' : 'pass', note: t('verification.case.resultNote', { requestNo: latest.requestNo }) } });
              void toast.success(t('verification.case.resultRecorded'));
              changed();
            })}
          >
            <Button type="primary" disabled={!step.allowed} loading={busy} data-testid="verification-result">{t('verification.case.recordResult')}</Button>
          </Popconfirm>
          {!step.allowed && step.blockedReason && <Typography.Text type="secondary">{step.blockedReason}</Typography.Text>}
        </Space>
      )}
    </Space>
  );
}
