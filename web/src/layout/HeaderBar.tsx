import { LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { Button, Space, Tag, Typography } from 'antd';
import { useNavigate } from 'react-router-dom';
import { useAuth, useCurrentUser } from '../auth/context.ts';
import { AreaPicker } from '../components/AreaPicker.tsx';
import { LanguageSwitch } from '../components/LanguageSwitch.tsx';
import { useT } from '../i18n/context.ts';
import { PasswordChange } from './PasswordChange.tsx';

/** Who is signed in: name, role and own area. */
export function CurrentUser() {
  const user = useCurrentUser();
  const t = useT();
  return (
    <Space size="small" wrap data-testid="current-user">
      <UserOutlined />
      <Typography.Text strong>{user.displayName}</Typography.Text>
      <Tag color="blue">{t(`role.${user.role}`)}</Tag>
      <Typography.Text type="secondary">{user.areaName}</Typography.Text>
    </Space>
  );
}

export function LogoutButton({ block }: { block?: boolean }) {
  const { signOut } = useAuth();
  const navigate = useNavigate();
  const t = useT();
  const onLogout = async () => {
    await signOut();
    navigate('/login', { replace: true });
  };
  return (
    <Button data-testid="logout" block={block} icon={<LogoutOutlined />} onClick={() => void onLogout()}>
      {t('header.logout')}
    </Button>
  );
}

/** The header on wide screens (a phone gets PhoneHeader). */
export function HeaderBar() {
  const t = useT();
  return (
    <Space size="middle" wrap style={{ width: '100%', justifyContent: 'flex-end' }}>
      <Space size="small">
        <Typography.Text type="secondary">{t('header.area')}</Typography.Text>
        <AreaPicker />
      </Space>
      <CurrentUser />
      <LanguageSwitch />
      <PasswordChange />
      <LogoutButton />
    </Space>
  );
}
