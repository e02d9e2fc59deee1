import { lazy, type ReactNode } from 'react';
import { Route } from 'react-router-dom';

const PlacementsPage = lazy(() => import('./PlacementsPage.tsx'));

/** The 集中供养 page as a <Route> element under the app layout. */
export function placementsRoutes(): ReactNode {
  return <Route path="placements" element={<PlacementsPage />} />;
}
