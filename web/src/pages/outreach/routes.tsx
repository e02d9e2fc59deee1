import { lazy, type ReactNode } from 'react';
import { Route } from 'react-router-dom';

const OutreachPage = lazy(() => import('./OutreachPage.tsx'));

/** 政策找人 pages as <Route> elements under the app layout. */
export function outreachRoutes(): ReactNode {
  return <Route path="outreach" element={<OutreachPage />} />;
}
