// Every page of the portal, in one list: add a line here (and its messages in i18n) to add a page.
// `nav` pages also appear in the bottom navigation, in this order.
import { lazy, type ComponentType, type LazyExoticComponent } from 'react';
import type { MessageKey } from './i18n/zh-CN.ts';

export interface PortalRoute {
  /** Under /portal, e.g. 'cases' → /portal/cases; '' is the home page. */
  path: string;
  page: LazyExoticComponent<ComponentType>;
  /** The label of its bottom-navigation entry, if it has one. */
  nav?: MessageKey;
  /** Open before sign-in too. */
  open?: boolean;
}

export const PORTAL_ROUTES: PortalRoute[] = [
  { path: '', page: lazy(() => import('./pages/HomePage.tsx')), nav: 'nav.home' },
  { path: 'policy-check', page: lazy(() => import('./pages/policy/PolicyCheckPage.tsx')), nav: 'nav.policyCheck', open: true },
  { path: 'apply', page: lazy(() => import('./pages/apply/ApplyPage.tsx')), nav: 'nav.apply' },
  { path: 'cases', page: lazy(() => import('./pages/CasesPage.tsx')), nav: 'nav.cases' },
  { path: 'cases/:caseNo', page: lazy(() => import('./pages/CaseDetailPage.tsx')) },
  // Not in the bottom navigation (six entries do not fit 360 px): a card on the home page leads here.
  { path: 'notices', page: lazy(() => import('./pages/notices/NoticesPage.tsx')) },
  { path: 'complaints', page: lazy(() => import('./pages/complaints/MyComplaintsPage.tsx')) },
  { path: 'complaints/new', page: lazy(() => import('./pages/complaints/NewComplaintPage.tsx')) },
  { path: 'payments', page: lazy(() => import('./pages/PaymentsPage.tsx')), nav: 'nav.payments' },
];
