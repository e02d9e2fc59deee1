import { lazy, type ReactNode } from 'react';
import { Route } from 'react-router-dom';

const InstitutionsPage = lazy(() => import('./InstitutionsPage.tsx'));
const InstitutionPage = lazy(() => import('./InstitutionPage.tsx'));

/** 供养服务机构 as <Route>s under the app layout. */
export function institutionsRoutes(): ReactNode {
  return (
    <>
      <Route path="institutions" element={<InstitutionsPage />} />
      <Route path="institutions/:id" element={<InstitutionPage />} />
    </>
  );
}
