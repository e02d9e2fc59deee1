import { lazy, type ReactNode } from 'react';
import { Route } from 'react-router-dom';

const PurchasedServicesPage = lazy(() => import('./PurchasedServicesPage.tsx'));

/** 政府购买服务 pages as <Route> elements under the app layout. */
export function purchasedServicesRoutes(): ReactNode {
  return <Route path="purchased-services" element={<PurchasedServicesPage />} />;
}
