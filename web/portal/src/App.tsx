import { Spin } from 'antd';
import { Suspense, type ReactNode } from 'react';
import { BrowserRouter, Navigate, Route, Routes } from 'react-router-dom';
import { PortalI18nProvider } from './i18n/I18nProvider.tsx';
import { PortalLayout } from './layout/PortalLayout.tsx';
import NotFoundPage from './pages/NotFoundPage.tsx';
import SignInPage from './pages/SignInPage.tsx';
import { PORTAL_ROUTES } from './routes.tsx';
import { useSession } from './session/context.ts';
import { SessionProvider } from './session/SessionProvider.tsx';

const Loading = () => <Spin style={{ display: 'block', margin: '48px auto' }} />;

function SignedIn({ children }: { children: ReactNode }) {
  const { me } = useSession();
  if (me === undefined) return <Loading />;
  if (me === null) return <Navigate to="/login" replace />;
  return children;
}

export function PortalApp() {
  return (
    <PortalI18nProvider>
      <SessionProvider>
        <BrowserRouter basename="/portal">
          <Suspense fallback={<Loading />}>
            <Routes>
              <Route element={<PortalLayout />}>
                <Route path="/login" element={<SignInPage />} />
                {PORTAL_ROUTES.map(({ path, page: Page, open }) => (
                  <Route key={path} path={`/${path}`} element={open ? <Page /> : <SignedIn><Page /></SignedIn>} />
                ))}
                <Route path="*" element={<NotFoundPage />} />
              </Route>
            </Routes>
          </Suspense>
        </BrowserRouter>
      </SessionProvider>
    </PortalI18nProvider>
  );
}
