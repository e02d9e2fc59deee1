import { MenuOutlined, UserOutlined } from '@ant-design/icons';
import { Button, Popover, Space, Typography } from 'antd';
import { useState } from 'react';
import { useSelectedArea } from '../area/context.ts';
import { useCurrentUser } from '../auth/context.ts';
import { LanguageSwitch } from '../components/LanguageSwitch.tsx';
import { useT } from '../i18n/context.ts';
import { CurrentUser, LogoutButton } from './HeaderBar.tsx';
import { PasswordChange } from './PasswordChange.tsx';

/**
 * The header below 768 px, on one line: the menu button (the menu is a drawer, AppLayout), the short name and
 * the working area, and the user as an icon whose panel holds name, role, language, password and logout.
 */
export function PhoneHeader({ onOpenMenu }: { onOpenMenu: () => void }) {
  const t = useT();
  const user = useCurrentUser();
  const { area } = useSelectedArea();
  const [userOpen, setUserOpen] = useState(false);
  // A choice in the panel closes it, as in a menu: the password dialog (portalled, its component stays mounted)
  // then opens alone rather than under the panel.
  const panel = (
    <Space direction="vertical" style={{ maxWidth: 260 }} onClick={() => setUserOpen(false)}>
      <CurrentUser />
      <LanguageSwitch />
      <PasswordChange />
      <LogoutButton />
    </Space>
  );
  return (
    <div data-testid="phone-header" style={{ display: 'flex', alignItems: 'center', gap: 8, height: 56, minWidth: 0, lineHeight: 'normal' }}>
      <Button type="text" data-testid="menu-button" aria-label={t('header.openMenu')} icon={<MenuOutlined />} onClick={onOpenMenu} />
      <Typography.Text strong style={{ fontSize: 18, whiteSpace: 'nowrap' }}>{t('app.name')}</Typography.Text>
      <Typography.Text type="secondary" data-testid="phone-area" style={{ flex: 1, minWidth: 0, whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis' }}>
        {area.name}
      </Typography.Text>
      <Popover trigger="click" placement="bottomRight" open={userOpen} onOpenChange={setUserOpen} content={panel}>
        <Button type="text" shape="circle" data-testid="user-menu" aria-label={`${t('header.userMenu')}：${user.displayName}`} icon={<UserOutlined />} />
      </Popover>
    </div>
  );
}
