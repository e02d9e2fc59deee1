import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { Navigate, useLocation, useNavigate } from 'react-router-dom';
import { ApiError } from '../api/client.ts';
import { useAuth } from '../auth/context.ts';
import { LanguageSwitch } from '../components/LanguageSwitch.tsx';
import { useT, type Translate } from '../i18n/context.ts';

interface Credentials {
  username: string;
  password: string;
}

interface LoginError {
  title: string;
  /** The API's own message, shown under our translation of its code. */
  detail?: string;
}

function loginError(err: unknown, t: Translate): LoginError {
  if (err instanceof ApiError) {
    if (err.code === 'invalid_credentials' || err.code === 'too_many_attempts') {
      return { title: t(`login.error.${err.code}`), detail: err.message };
    }
    return { title: t('login.error.generic', { message: err.message }) };
  }
  return { title: t('login.error.generic', { message: err instanceof Error ? err.message : String(err) }) };
}

function fromPath(state: unknown): string {
  if (typeof state === 'object' && state !== null && 'from' in state) {
    const from = (state as { from: unknown }).from;
    if (typeof from === 'string' && from.startsWith('/') && from !== '/login') return from;
  }
  return '/';
}

export default function LoginPage() {
  const { user, signIn } = useAuth();
  const t = useT();
  const navigate = useNavigate();
  const location = useLocation();
  const [error, setError] = useState<LoginError | null>(null);
  const [busy, setBusy] = useState(false);

  if (user) return <Navigate to={fromPath(location.state)} replace />;

  const onFinish = async ({ username, password }: Credentials) => {
    setBusy(true);
    setError(null);
    try {
      await signIn(username, password);
      navigate(fromPath(location.state), { replace: true });
    } catch (err) {
      setError(loginError(err, t));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div style={{ minHeight: '100vh', background: '#f0f2f5', padding: 24 }}>
      <div style={{ display: 'flex', justifyContent: 'flex-end' }}>
        <LanguageSwitch />
      </div>
      <Card style={{ maxWidth: 380, margin: '80px auto 0' }}>
        <Typography.Title level={3} style={{ textAlign: 'center', marginBottom: 4 }}>
          {t('app.name')}
        </Typography.Title>
        <Typography.Paragraph type="secondary" style={{ textAlign: 'center' }}>
          {t('app.title')}
        </Typography.Paragraph>
        {error && (
          <Alert
            data-testid="login-error"
            type="error"
            showIcon
            message={error.title}
            description={error.detail && error.detail !== error.title ? error.detail : undefined}
            style={{ marginBottom: 16 }}
          />
        )}
        <Form<Credentials> layout="vertical" onFinish={(v) => void onFinish(v)} requiredMark={false}>
          <Form.Item
            name="username"
            label={t('login.username')}
            rules={[{ required: true, message: t('common.required', { field: t('login.username') }) }]}
          >
            <Input prefix={<UserOutlined />} autoComplete="username" autoFocus />
          </Form.Item>
          <Form.Item
            name="password"
            label={t('login.password')}
            rules={[{ required: true, message: t('common.required', { field: t('login.password') }) }]}
          >
            <Input.Password prefix={<LockOutlined />} autoComplete="current-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={busy}>
            {t('login.submit')}
          </Button>
        </Form>
      </Card>
    </div>
  );
}
