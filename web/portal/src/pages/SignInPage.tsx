import { Alert, Button, Card, Divider, Form, Input, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { Navigate, useNavigate } from 'react-router-dom';
import { portalApi, PortalApiError } from '../api/client.ts';
import type { Me } from '../api/types.ts';
import { useLoad } from '../api/useLoad.ts';
import { useT } from '../i18n/context.ts';
import { useSession } from '../session/context.ts';

interface Fields {
  idNumber: string;
  phone: string;
  code: string;
}

/** Seconds before another code may be asked for. */
const RESEND_SECONDS = 60;

/** Field errors of a 400 shown at their fields; anything else as one message above the form. */
function useApiErrors(form: ReturnType<typeof Form.useForm<Fields>>[0]) {
  const [general, setGeneral] = useState<string | null>(null);
  const show = (err: unknown) => {
    if (err instanceof PortalApiError) {
      const named = (['idNumber', 'phone', 'code'] as const).filter((f) => err.fieldMessage(f));
      if (named.length > 0) {
        form.setFields(named.map((name) => ({ name, errors: [err.fieldMessage(name) ?? ''] })));
        setGeneral(null);
        return;
      }
      setGeneral(err.message);
      return;
    }
    setGeneral(err instanceof Error ? err.message : String(err));
  };
  return { general, setGeneral, show };
}

export default function SignInPage() {
  const t = useT();
  const navigate = useNavigate();
  const { me, signedIn } = useSession();
  const [form] = Form.useForm<Fields>();
  const { general, setGeneral, show } = useApiErrors(form);
  const [sent, setSent] = useState(false);
  const [wait, setWait] = useState(0);
  const [busy, setBusy] = useState<'code' | 'verify' | null>(null);
  // 一网通办 (the province's OIDC login) is offered only where the server has an issuer configured.
  const methods = useLoad<{ methods: string[] }>('/auth/methods');

  useEffect(() => {
    if (wait <= 0) return;
    const timer = setTimeout(() => setWait((w) => w - 1), 1000);
    return () => clearTimeout(timer);
  }, [wait]);

  if (me) return <Navigate to="/" replace />;

  const requestCode = async () => {
    let values: Pick<Fields, 'idNumber' | 'phone'>;
    try {
      values = await form.validateFields(['idNumber', 'phone']);
    } catch {
      return;
    }
    setBusy('code');
    setGeneral(null);
    try {
      await portalApi('/auth/code', { method: 'POST', body: { idNumber: values.idNumber.trim(), phone: values.phone.trim() } });
      setSent(true);
      setWait(RESEND_SECONDS);
    } catch (err) {
      show(err);
    } finally {
      setBusy(null);
    }
  };

  const verify = async (values: Fields) => {
    setBusy('verify');
    setGeneral(null);
    try {
      const signed = await portalApi<Me>('/auth/verify', { method: 'POST', body: { idNumber: values.idNumber.trim(), code: values.code.trim() } });
      signedIn(signed);
      navigate('/', { replace: true });
    } catch (err) {
      show(err);
    } finally {
      setBusy(null);
    }
  };

  return (
    <Card style={{ maxWidth: 440, margin: '8px auto' }}>
      <Typography.Title level={3} style={{ marginTop: 0 }}>{t('signIn.title')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('signIn.hint')}</Typography.Paragraph>
      {general && <Alert type="error" showIcon message={general} style={{ marginBottom: 16 }} data-testid="signin-error" />}
      {sent && !general && <Alert type="success" showIcon message={t('signIn.sent')} style={{ marginBottom: 16 }} />}
      <Form form={form} layout="vertical" size="large" onFinish={(v) => void verify(v)} requiredMark={false}>
        <Form.Item name="idNumber" label={t('signIn.idNumber')} rules={[{ required: true, whitespace: true, message: t('signIn.idNumber.required') }]}>
          <Input autoComplete="off" inputMode="text" maxLength={18} placeholder={t('signIn.idNumber.placeholder')} data-testid="signin-id" />
        </Form.Item>
        <Form.Item name="phone" label={t('signIn.phone')} rules={[{ required: true, whitespace: true, message: t('signIn.phone.required') }]}>
          <Input type="tel" autoComplete="tel" inputMode="numeric" maxLength={11} placeholder={t('signIn.phone.placeholder')} data-testid="signin-phone" />
        </Form.Item>
        <Form.Item label={t('signIn.code')} required>
          <Space.Compact style={{ width: '100%' }}>
            <Form.Item name="code" noStyle rules={[{ required: true, whitespace: true, message: t('signIn.code.required') }]}>
              <Input autoComplete="one-time-code" inputMode="numeric" maxLength={6} placeholder={t('signIn.code.placeholder')} aria-label={t('signIn.code')} data-testid="signin-code" />
            </Form.Item>
            <Button onClick={() => void requestCode()} loading={busy === 'code'} disabled={wait > 0} data-testid="signin-get-code">
              {wait > 0 ? t('signIn.resend', { seconds: wait }) : t('signIn.getCode')}
            </Button>
          </Space.Compact>
        </Form.Item>
        <Button type="primary" htmlType="submit" block loading={busy === 'verify'} data-testid="signin-submit">
          {t('signIn.submit')}
        </Button>
      </Form>
      {methods.data?.methods.includes('oidc') && (
        <>
          <Divider plain>{t('signIn.or')}</Divider>
          <Button block size="large" href="/api/portal/v1/auth/oidc/start" data-testid="signin-oidc">{t('signIn.oidc')}</Button>
        </>
      )}
    </Card>
  );
}
