import { lazy, type ReactNode } from 'react';
import { Route } from 'react-router-dom';

const RecordsPage = lazy(() => import('./RecordsPage.tsx'));
const RecordPage = lazy(() => import('./RecordPage.tsx'));

/** 救助管理站 pages as <Route> elements under the app layout. */
export function reliefStationRoutes(): ReactNode {
  return (
    <>
      <Route path="relief-station" element={<RecordsPage />} />
      <Route path="relief-station/:recordNo" element={<RecordPage />} />
    </>
  );
}
