import type { ReactNode } from 'react';

/** The intake pages as <Route> elements under the app layout (called, not rendered: Routes needs Route children). */
export function intakeRoutes(): ReactNode {
  return null;
}
