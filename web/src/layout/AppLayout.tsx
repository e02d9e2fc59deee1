import { Drawer, Grid, Layout, Typography } from 'antd';
import { Suspense, useState } from 'react';
import { Outlet, useLocation } from 'react-router-dom';
import { SelectedAreaProvider } from '../area/SelectedAreaProvider.tsx';
import { useCurrentUser } from '../auth/context.ts';
import { AreaPicker } from '../components/AreaPicker.tsx';
import { PageLoading } from '../components/PageLoading.tsx';
import { useT } from '../i18n/context.ts';
import { HeaderBar } from './HeaderBar.tsx';
import { PhoneHeader } from './PhoneHeader.tsx';
import { SideMenu } from './SideMenu.tsx';
import { moduleOf } from './modules.tsx';

/** The staff shell: side menu and header from 768 px, a one-line header and a menu drawer below (README.md). */
export function AppLayout() {
  const user = useCurrentUser();
  const t = useT();
  const location = useLocation();
  // Before the first measurement md is undefined: drawn as on a wide screen until then.
  const phone = Grid.useBreakpoint().md === false;
  // The drawer is open on the page it was opened on: every navigation closes it.
  const [menuOpenAt, setMenuOpenAt] = useState<string | null>(null);
  const menuOpen = phone && menuOpenAt === location.pathname;
  const current = moduleOf(location.pathname);

  return (
    <SelectedAreaProvider key={user.id}>
      <Layout style={{ minHeight: '100vh' }}>
        {!phone && (
          <Layout.Sider width={224} breakpoint="lg" collapsedWidth={0} theme="dark">
            <div style={{ padding: '16px 20px' }}>
              <Typography.Title level={4} style={{ color: '#fff', margin: 0 }}>
                {t('app.name')}
              </Typography.Title>
              <Typography.Text style={{ color: 'rgba(255,255,255,0.65)', fontSize: 12 }}>
                {t('app.title')}
              </Typography.Text>
            </div>
            <SideMenu theme="dark" />
          </Layout.Sider>
        )}
        <Layout>
          {phone ? (
            <Layout.Header style={{ background: '#fff', padding: '0 8px', height: 56, lineHeight: '56px' }}>
              <PhoneHeader onOpenMenu={() => setMenuOpenAt(location.pathname)} />
            </Layout.Header>
          ) : (
            <Layout.Header style={{ background: '#fff', padding: '0 24px', height: 'auto', lineHeight: '64px' }}>
              <HeaderBar />
            </Layout.Header>
          )}
          {/* 12 px on a phone: half the widest Row gutter (24), whose negative margins would otherwise widen the page. */}
          <Layout.Content style={{ margin: phone ? 12 : 24, minWidth: 0 }}>
            {/* One h1 a page, for screen readers (the page's cards carry the visible titles): its menu module. */}
            <h1 className="visually-hidden">{current ? t(current.label) : t('app.title')}</h1>
            <Suspense fallback={<PageLoading />}>
              <Outlet />
            </Suspense>
          </Layout.Content>
        </Layout>
      </Layout>
      {phone && (
        <Drawer
          data-testid="menu-drawer"
          placement="left"
          width={280}
          open={menuOpen}
          onClose={() => setMenuOpenAt(null)}
          title={t('app.title')}
          styles={{ body: { padding: 0 } }}
        >
          <div style={{ padding: '12px 16px' }}>
            <Typography.Text type="secondary" style={{ display: 'block', marginBottom: 4 }}>{t('header.area')}</Typography.Text>
            <AreaPicker />
          </div>
          <SideMenu theme="light" onNavigate={() => setMenuOpenAt(null)} />
        </Drawer>
      )}
    </SelectedAreaProvider>
  );
}
