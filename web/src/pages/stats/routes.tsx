import { lazy, type ReactNode } from 'react';
import { Route } from 'react-router-dom';

// One chunk per page.
const StatsDashboardPage = lazy(() => import('./StatsDashboardPage.tsx'));
const WarningListPage = lazy(() => import('./WarningListPage.tsx'));

/** The stats pages as <Route> elements under the app layout (called, not rendered: Routes needs Route children). */
export function statsRoutes(): ReactNode {
  return (
    <>
      <Route path="stats" element={<StatsDashboardPage />} />
      <Route path="stats/warnings/:kind" element={<WarningListPage />} />
    </>
  );
}
