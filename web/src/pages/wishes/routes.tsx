import { lazy, type ReactNode } from 'react';
import { Route } from 'react-router-dom';

const WishesPage = lazy(() => import('./WishesPage.tsx'));

/** 微心愿 pages as <Route> elements under the app layout. */
export function wishesRoutes(): ReactNode {
  return <Route path="wishes" element={<WishesPage />} />;
}
