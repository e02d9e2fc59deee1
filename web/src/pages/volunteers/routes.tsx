import { lazy, type ReactNode } from 'react';
import { Route } from 'react-router-dom';

const VolunteersPage = lazy(() => import('./VolunteersPage.tsx'));

/** 社会力量 pages as <Route> elements under the app layout. */
export function volunteersRoutes(): ReactNode {
  return <Route path="volunteers" element={<VolunteersPage />} />;
}
