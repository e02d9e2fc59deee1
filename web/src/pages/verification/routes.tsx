import { lazy, type ReactNode } from 'react';
import { Route } from 'react-router-dom';

// One chunk per page.
const RescreenPage = lazy(() => import('./RescreenPage.tsx'));
const FavouritismPage = lazy(() => import('./FavouritismPage.tsx'));
const CrossChecksPage = lazy(() => import('./CrossChecksPage.tsx'));
const SourcesPage = lazy(() => import('./SourcesPage.tsx'));

/** The verification pages as <Route> elements under the app layout (called, not rendered: Routes needs Route children). */
export function verificationRoutes(): ReactNode {
  return (
    <>
      <Route path="verification" element={<RescreenPage />} />
      <Route path="verification/favouritism" element={<FavouritismPage />} />
      <Route path="verification/cross-checks" element={<CrossChecksPage />} />
      <Route path="verification/sources" element={<SourcesPage />} />
    </>
  );
}
