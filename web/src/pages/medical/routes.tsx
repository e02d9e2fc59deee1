import { lazy, type ReactNode } from 'react';
import { Route } from 'react-router-dom';

const SubsidyListsPage = lazy(() => import('./SubsidyListsPage.tsx'));
const SubsidyListPage = lazy(() => import('./SubsidyListPage.tsx'));
const SettlementImportsPage = lazy(() => import('./SettlementImportsPage.tsx'));
const ClaimsPage = lazy(() => import('./ClaimsPage.tsx'));

/** The medical-assistance pages as <Route> elements under the app layout. */
export function medicalRoutes(): ReactNode {
  return (
    <>
      <Route path="medical" element={<ClaimsPage />} />
      <Route path="medical/subsidy" element={<SubsidyListsPage />} />
      <Route path="medical/subsidy/:listNo" element={<SubsidyListPage />} />
      <Route path="medical/settlements" element={<SettlementImportsPage />} />
    </>
  );
}
