import { lazy, type ReactNode } from 'react';
import { Route } from 'react-router-dom';

const FundsPage = lazy(() => import('./FundsPage.tsx'));

/** 资金管理 as <Route> elements under the app layout. */
export function fundsRoutes(): ReactNode {
  return <Route path="funds" element={<FundsPage />} />;
}
