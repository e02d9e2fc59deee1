import { lazy, type ReactNode } from 'react';
import { Route } from 'react-router-dom';

const EventsPage = lazy(() => import('./EventsPage.tsx'));
const EventPage = lazy(() => import('./EventPage.tsx'));
const BatchesPage = lazy(() => import('./BatchesPage.tsx'));
const BatchPage = lazy(() => import('./BatchPage.tsx'));
const WinterPage = lazy(() => import('./WinterPage.tsx'));

/** The disaster-relief pages as <Route> elements under the app layout. */
export function disasterRoutes(): ReactNode {
  return (
    <>
      <Route path="disaster" element={<EventsPage />} />
      <Route path="disaster/batches" element={<BatchesPage />} />
      <Route path="disaster/batches/:batchNo" element={<BatchPage />} />
      <Route path="disaster/winter" element={<WinterPage />} />
      <Route path="disaster/:eventNo" element={<EventPage />} />
    </>
  );
}
