import { lazy, type ReactNode } from 'react';
import { Route } from 'react-router-dom';

const InsurancePage = lazy(() => import('./InsurancePage.tsx'));

/** 政策性农房保险 as a <Route> under the app layout (beside the disaster pages). */
export function insuranceRoutes(): ReactNode {
  return <Route path="disaster/insurance" element={<InsurancePage />} />;
}
