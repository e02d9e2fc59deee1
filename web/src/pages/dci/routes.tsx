import { lazy, type ReactNode } from 'react';
import { Route } from 'react-router-dom';

const DciClientsPage = lazy(() => import('./DciClientsPage.tsx'));

/** 对外接口 (the connected systems) as a <Route> element under the app layout. */
export function dciRoutes(): ReactNode {
  return <Route path="dci" element={<DciClientsPage />} />;
}
