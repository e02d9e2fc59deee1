import type { ReactNode } from 'react';

/** The verification pages as <Route> elements under the app layout (called, not rendered: Routes needs Route children). */
export function verificationRoutes(): ReactNode {
  return null;
}
