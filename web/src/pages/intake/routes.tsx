import { lazy, type ReactNode } from 'react';
import { Route } from 'react-router-dom';

// One chunk per page.
const RequestListPage = lazy(() => import('./RequestListPage.tsx'));
const RequestFormPage = lazy(() => import('./RequestFormPage.tsx'));
const RequestPage = lazy(() => import('./RequestPage.tsx'));
const ReferralBoardPage = lazy(() => import('./ReferralBoardPage.tsx'));
const ReferralPage = lazy(() => import('./ReferralPage.tsx'));
const OverduePage = lazy(() => import('./OverduePage.tsx'));
const ComplaintListPage = lazy(() => import('./ComplaintListPage.tsx'));
const ComplaintFormPage = lazy(() => import('./ComplaintFormPage.tsx'));
const ComplaintPage = lazy(() => import('./ComplaintPage.tsx'));

/** The intake pages as <Route> elements under the app layout (called, not rendered: Routes needs Route children). */
export function intakeRoutes(): ReactNode {
  return (
    <>
      <Route path="intake" element={<RequestListPage />} />
      <Route path="intake/new" element={<RequestFormPage />} />
      <Route path="intake/referrals" element={<ReferralBoardPage />} />
      <Route path="intake/referrals/:id" element={<ReferralPage />} />
      <Route path="intake/overdue" element={<OverduePage />} />
      <Route path="intake/complaints" element={<ComplaintListPage />} />
      <Route path="intake/complaints/new" element={<ComplaintFormPage />} />
      <Route path="intake/complaints/:complaintNo" element={<ComplaintPage />} />
      <Route path="intake/:requestNo" element={<RequestPage />} />
    </>
  );
}
