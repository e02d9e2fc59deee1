import { Menu } from 'antd';
import { useLocation, useNavigate } from 'react-router-dom';
import { useCurrentUser } from '../auth/context.ts';
import { can } from '../auth/permissions.ts';
import { useT } from '../i18n/context.ts';
import { MODULES, moduleOf } from './modules.tsx';

/** The modules this user may open; the side bar's on wide screens, the drawer's on a phone. */
export function SideMenu({ theme, onNavigate }: { theme: 'dark' | 'light'; onNavigate?: () => void }) {
  const user = useCurrentUser();
  const t = useT();
  const location = useLocation();
  const navigate = useNavigate();
  const current = moduleOf(location.pathname);
  return (
    <Menu
      data-testid="side-menu"
      theme={theme}
      mode="inline"
      selectedKeys={current ? [current.path] : []}
      items={MODULES.filter((m) => (!m.requires || can(user, m.requires)) && (!m.roles || m.roles.includes(user.role))).map((m) => ({ key: m.path, icon: m.icon, label: t(m.label) }))}
      onClick={({ key }) => {
        navigate(key);
        onNavigate?.();
      }}
    />
  );
}
