import { Alert, Button, Card, Checkbox, Form, InputNumber, List, Radio, Select, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { portalApi, PortalApiError } from '../../api/client.ts';
import { useT } from '../../i18n/context.ts';
import { StatusTag } from '../../components/StatusTag.tsx';
import { useSession } from '../../session/context.ts';
import { yuan, type PolicyCheckInput, type PolicyCheckResult, type Prefill } from '../apply/api.ts';
import { AreaPicker } from './AreaPicker.tsx';

const FIELDS = ['areaCode', 'hukou', 'householdSize', 'monthlyIncomeYuan', 'depositsYuan', 'ownsCar', 'ownsBusiness'] as const;
const TONES = { may: 'good', unlikely: 'neutral', depends: 'progress' } as const;

/** 政策计算器: a few questions → the programmes the household may qualify for, with the reasons (open before sign-in). */
export default function PolicyCheckPage() {
  const t = useT();
  const { me } = useSession();
  const [form] = Form.useForm<PolicyCheckInput>();
  const [result, setResult] = useState<PolicyCheckResult>();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [prefilled, setPrefilled] = useState(false);

  useEffect(() => {
    if (!me || me.households.length === 0) return;
    const abort = new AbortController();
    portalApi<Prefill>('/applications/prefill', { signal: abort.signal })
      .then((p) => {
        const first = p.households[0];
        if (!first) return;
        form.setFieldsValue(first.policyCheck);
        setPrefilled(true);
      })
      .catch(() => undefined);
    return () => abort.abort();
  }, [me, form]);

  const submit = async (values: PolicyCheckInput) => {
    setBusy(true);
    setError(undefined);
    try {
      setResult(await portalApi<PolicyCheckResult>('/policy-check', { method: 'POST', body: { ...values, depositsYuan: values.depositsYuan ?? 0, persons: values.persons ?? [] } }));
    } catch (err) {
      setResult(undefined);
      if (err instanceof PortalApiError && err.fields.length > 0) {
        const named = FIELDS.filter((f) => err.fieldMessage(f));
        form.setFields(named.map((name) => ({ name, errors: [err.fieldMessage(name) ?? ''] })));
        if (named.length === 0) setError(err.message);
      } else setError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      <Card>
        <Typography.Title level={3} style={{ marginTop: 0 }}>{t('check.title')}</Typography.Title>
        <Typography.Paragraph type="secondary">{t('check.hint')}</Typography.Paragraph>
        {prefilled && <Alert type="info" showIcon message={t('check.fromRegistry')} style={{ marginBottom: 16 }} />}
        {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} data-testid="check-error" />}
        <Form form={form} layout="vertical" size="large" requiredMark={false} onFinish={(v) => void submit(v)}
          initialValues={{ hukou: 'rural', householdSize: 1, depositsYuan: 0, ownsCar: false, ownsBusiness: false, persons: [] }}>
          <Form.Item name="areaCode" label={t('check.area')} rules={[{ required: true, message: t('check.area.required') }]}>
            <AreaPicker />
          </Form.Item>
          <Form.Item name="hukou" label={t('check.hukou')}>
            <Radio.Group optionType="button" options={[{ value: 'rural', label: t('check.hukou.rural') }, { value: 'urban', label: t('check.hukou.urban') }]} />
          </Form.Item>
          <Form.Item name="householdSize" label={t('check.householdSize')} rules={[{ required: true, message: t('check.householdSize.required') }]}>
            <InputNumber min={1} max={20} precision={0} style={{ width: '100%' }} data-testid="check-size" />
          </Form.Item>
          <Form.Item name="monthlyIncomeYuan" label={t('check.income')} rules={[{ required: true, message: t('check.income.required') }]}>
            <InputNumber min={0} precision={2} style={{ width: '100%' }} data-testid="check-income" />
          </Form.Item>
          <Form.Item name="depositsYuan" label={t('check.deposits')}>
            <InputNumber min={0} precision={2} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="ownsCar" valuePropName="checked"><Checkbox>{t('check.ownsCar')}</Checkbox></Form.Item>
          <Form.Item name="ownsBusiness" valuePropName="checked"><Checkbox>{t('check.ownsBusiness')}</Checkbox></Form.Item>
          <Form.Item label={t('check.persons')}>
            <Form.List name="persons">
              {(fields, { add, remove }) => (
                <Space direction="vertical" style={{ width: '100%' }}>
                  {fields.map((f) => (
                    <Card key={f.key} size="small">
                      <Form.Item name={[f.name, 'situation']} label={t('check.person.situation')} rules={[{ required: true, message: t('check.person.situation') }]}>
                        <Select options={(['elderly', 'disabled', 'minor'] as const).map((s) => ({ value: s, label: t(`check.person.${s}`) }))} />
                      </Form.Item>
                      <Form.Item name={[f.name, 'noSupporter']} valuePropName="checked" initialValue={false}>
                        <Checkbox>{t('check.person.noSupporter')}</Checkbox>
                      </Form.Item>
                      <Button danger size="small" onClick={() => remove(f.name)}>{t('check.persons.remove')}</Button>
                    </Card>
                  ))}
                  <Button onClick={() => add({ situation: 'elderly', noSupporter: false })} block>{t('check.persons.add')}</Button>
                </Space>
              )}
            </Form.List>
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={busy} data-testid="check-submit">{t('check.submit')}</Button>
        </Form>
      </Card>
      {result && (
        <Card data-testid="check-result">
          <Typography.Title level={4} style={{ marginTop: 0 }}>{t('check.result')}</Typography.Title>
          <Alert type="warning" showIcon message={result.note} style={{ marginBottom: 12 }} />
          <List
            dataSource={result.programmes}
            rowKey="programme"
            renderItem={(p) => (
              <List.Item>
                <Space direction="vertical" style={{ width: '100%' }}>
                  <Space wrap>
                    <Typography.Text strong>{p.name}</Typography.Text>
                    <StatusTag tone={TONES[p.result]}>{p.resultLabel}</StatusTag>
                  </Space>
                  {p.reasons.map((r) => <Typography.Text key={r}>{r}</Typography.Text>)}
                  {p.figures.map((f) => <Typography.Text key={f.label} type="secondary">{f.label}：{t('check.yuan', { amount: yuan(f.amountFen) })}</Typography.Text>)}
                </Space>
              </List.Item>
            )}
          />
          <Link to={me ? '/apply' : '/login'}>
            <Button type="primary" block>{me ? t('check.toApply') : t('check.signInToApply')}</Button>
          </Link>
        </Card>
      )}
    </Space>
  );
}
