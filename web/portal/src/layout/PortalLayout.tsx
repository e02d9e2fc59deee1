import { Button, Space, Typography } from 'antd';
import { NavLink, Outlet } from 'react-router-dom';
import { usePortalI18n } from '../i18n/context.ts';
import { PORTAL_ROUTES } from '../routes.tsx';
import { useSession } from '../session/context.ts';
import { Toolbar } from './Toolbar.tsx';

/** A narrow column (mobile first) with a header and, when signed in, a bottom navigation. */
export function PortalLayout() {
  const { t } = usePortalI18n();
  const { me, signOut } = useSession();
  const nav = PORTAL_ROUTES.filter((r) => r.nav);
  return (
    <div style={{ maxWidth: 640, margin: '0 auto', minHeight: '100vh', display: 'flex', flexDirection: 'column', boxSizing: 'border-box' }}>
      <header style={{ background: '#0958d9', color: '#fff', padding: '8px 12px', display: 'flex', alignItems: 'center', justifyContent: 'space-between', gap: 8, flexWrap: 'wrap' }}>
        <Typography.Text strong style={{ color: '#fff', fontSize: '1.1em' }}>
          {t('app.name')} · {t('app.title')}
        </Typography.Text>
        <Space size={4} wrap>
          <Toolbar />
          {me && (
            <Button ghost onClick={() => void signOut()} data-testid="portal-logout">
              {t('common.logout')}
            </Button>
          )}
        </Space>
      </header>
      <main style={{ flex: 1, padding: 12 }}>
        <Outlet />
      </main>
      {me && nav.length > 1 && (
        <nav aria-label={t('app.title')} style={{ position: 'sticky', bottom: 0, display: 'flex', background: '#fff', borderTop: '1px solid #e5e5e5' }}>
          {nav.map((r) => (
            <NavLink
              key={r.path}
              to={`/${r.path}`}
              end={r.path === ''}
              style={({ isActive }) => ({ flex: 1, textAlign: 'center', padding: '14px 4px', minHeight: 48, boxSizing: 'border-box', color: isActive ? '#0958d9' : '#262626', fontWeight: isActive ? 600 : 400, textDecoration: 'none' })}
            >
              {r.nav ? t(r.nav) : null}
            </NavLink>
          ))}
        </nav>
      )}
    </div>
  );
}
