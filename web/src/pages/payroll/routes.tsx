import { lazy, type ReactNode } from 'react';
import { Route } from 'react-router-dom';

const PayrollListPage = lazy(() => import('./PayrollListPage.tsx'));
const PayrollPage = lazy(() => import('./PayrollPage.tsx'));

/** The payroll pages as <Route> elements under the app layout (called, not rendered: Routes needs Route children). */
export function payrollRoutes(): ReactNode {
  return (
    <>
      <Route path="payroll" element={<PayrollListPage />} />
      <Route path="payroll/:payrollNo" element={<PayrollPage />} />
    </>
  );
}
