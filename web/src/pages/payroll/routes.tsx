import type { ReactNode } from 'react';

/** The payroll pages as <Route> elements under the app layout (called, not rendered: Routes needs Route children). */
export function payrollRoutes(): ReactNode {
  return null;
}
