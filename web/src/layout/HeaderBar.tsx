import { LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { Button, Space, Tag, Typography } from 'antd';
import { useNavigate } from 'react-router-dom';
import { useAuth, useCurrentUser } from '../auth/context.ts';
import { AreaPicker } from '../components/AreaPicker.tsx';
import { LanguageSwitch } from '../components/LanguageSwitch.tsx';
import { useT } from '../i18n/context.ts';
import { PasswordChange } from './PasswordChange.tsx';

export function HeaderBar() {
  const user = useCurrentUser();
  const { signOut } = useAuth();
  const navigate = useNavigate();
  const t = useT();

  const onLogout = async () => {
    await signOut();
    navigate('/login', { replace: true });
  };

  return (
    <Space size="middle" wrap style={{ width: '100%', justifyContent: 'flex-end' }}>
      <Space size="small">
        <Typography.Text type="secondary">{t('header.area')}</Typography.Text>
        <AreaPicker />
      </Space>
      <Space size="small" data-testid="current-user">
        <UserOutlined />
        <Typography.Text strong>{user.displayName}</Typography.Text>
        <Tag color="blue">{t(`role.${user.role}`)}</Tag>
        <Typography.Text type="secondary">{user.areaName}</Typography.Text>
      </Space>
      <LanguageSwitch />
      <PasswordChange />
      <Button data-testid="logout" icon={<LogoutOutlined />} onClick={() => void onLogout()}>
        {t('header.logout')}
      </Button>
    </Space>
  );
}
