import { Layout, Menu, Typography } from 'antd';
import { Suspense } from 'react';
import { Outlet, useLocation, useNavigate } from 'react-router-dom';
import { SelectedAreaProvider } from '../area/SelectedAreaProvider.tsx';
import { useCurrentUser } from '../auth/context.ts';
import { can } from '../auth/permissions.ts';
import { PageLoading } from '../components/PageLoading.tsx';
import { useT } from '../i18n/context.ts';
import { HeaderBar } from './HeaderBar.tsx';
import { MODULES, moduleOf } from './modules.tsx';

export function AppLayout() {
  const user = useCurrentUser();
  const t = useT();
  const location = useLocation();
  const navigate = useNavigate();
  const current = moduleOf(location.pathname);

  return (
    <SelectedAreaProvider key={user.id}>
      <Layout style={{ minHeight: '100vh' }}>
        <Layout.Sider width={224} breakpoint="lg" collapsedWidth={0} theme="dark">
          <div style={{ padding: '16px 20px' }}>
            <Typography.Title level={4} style={{ color: '#fff', margin: 0 }}>
              {t('app.name')}
            </Typography.Title>
            <Typography.Text style={{ color: 'rgba(255,255,255,0.65)', fontSize: 12 }}>
              {t('app.title')}
            </Typography.Text>
          </div>
          <Menu
            data-testid="side-menu"
            theme="dark"
            mode="inline"
            selectedKeys={current ? [current.path] : []}
            items={MODULES.filter((m) => (!m.requires || can(user, m.requires)) && (!m.roles || m.roles.includes(user.role))).map((m) => ({ key: m.path, icon: m.icon, label: t(m.label) }))}
            onClick={({ key }) => navigate(key)}
          />
        </Layout.Sider>
        <Layout>
          <Layout.Header style={{ background: '#fff', padding: '0 24px', height: 'auto', lineHeight: '64px' }}>
            <HeaderBar />
          </Layout.Header>
          <Layout.Content style={{ margin: 24 }}>
            <Suspense fallback={<PageLoading />}>
              <Outlet />
            </Suspense>
          </Layout.Content>
        </Layout>
      </Layout>
    </SelectedAreaProvider>
  );
}
