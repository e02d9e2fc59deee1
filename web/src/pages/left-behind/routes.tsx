import { lazy, type ReactNode } from 'react';
import { Route } from 'react-router-dom';

const LeftBehindPage = lazy(() => import('./LeftBehindPage.tsx'));

/** 留守关爱 pages as <Route> elements under the app layout. */
export function leftBehindRoutes(): ReactNode {
  return <Route path="left-behind" element={<LeftBehindPage />} />;
}
