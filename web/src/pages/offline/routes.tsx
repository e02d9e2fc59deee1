import { lazy, type ReactNode } from 'react';
import { Route } from 'react-router-dom';

const OfflinePage = lazy(() => import('./OfflinePage.tsx'));

/** The 离线采集 page as a <Route> element under the app layout. */
export function offlineRoutes(): ReactNode {
  return <Route path="offline" element={<OfflinePage />} />;
}
