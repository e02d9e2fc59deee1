import type { ReactNode } from 'react';

/** The stats pages as <Route> elements under the app layout (called, not rendered: Routes needs Route children). */
export function statsRoutes(): ReactNode {
  return null;
}
