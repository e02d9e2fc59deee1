import { lazy, Suspense } from 'react';
import { createBrowserRouter, createRoutesFromElements, Navigate, Outlet, Route, RouterProvider } from 'react-router-dom';
import { AuthProvider } from './auth/AuthProvider.tsx';
import { RequireAuth } from './auth/RequireAuth.tsx';
import { PageLoading } from './components/PageLoading.tsx';
import { I18nProvider } from './i18n/I18nProvider.tsx';
import { AppLayout } from './layout/AppLayout.tsx';
import { MODULES } from './layout/modules.tsx';
import { intakeRoutes } from './pages/intake/routes.tsx';
import { verificationRoutes } from './pages/verification/routes.tsx';
import { payrollRoutes } from './pages/payroll/routes.tsx';
import { statsRoutes } from './pages/stats/routes.tsx';
import { medicalRoutes } from './pages/medical/routes.tsx';
import { disasterRoutes } from './pages/disaster/routes.tsx';
import { insuranceRoutes } from './pages/insurance/routes.tsx';
import { reliefStationRoutes } from './pages/relief-station/routes.tsx';
import { volunteersRoutes } from './pages/volunteers/routes.tsx';
import { fundsRoutes } from './pages/funds/routes.tsx';
import { wishesRoutes } from './pages/wishes/routes.tsx';
import { outreachRoutes } from './pages/outreach/routes.tsx';
import { leftBehindRoutes } from './pages/left-behind/routes.tsx';
import { purchasedServicesRoutes } from './pages/purchased-services/routes.tsx';
import { institutionsRoutes } from './pages/institutions/routes.tsx';
import { placementsRoutes } from './pages/placements/routes.tsx';
import { offlineRoutes } from './pages/offline/routes.tsx';
import { dciRoutes } from './pages/dci/routes.tsx';


// One chunk per page; echarts is pulled in only by pages that chart (src/cli/first-screen.test.ts keeps the
// login and home pages' load under its budget).
const ComingSoon = lazy(() => import('./components/ComingSoon.tsx').then((m) => ({ default: m.ComingSoon })));
const LoginPage = lazy(() => import('./pages/LoginPage.tsx'));
const DashboardPage = lazy(() => import('./pages/DashboardPage.tsx'));
const AreasPage = lazy(() => import('./pages/AreasPage.tsx'));
const UsersPage = lazy(() => import('./pages/UsersPage.tsx'));
const AuditPage = lazy(() => import('./pages/AuditPage.tsx'));
const HouseholdListPage = lazy(() => import('./pages/registry/HouseholdListPage.tsx'));
const HouseholdCreatePage = lazy(() => import('./pages/registry/HouseholdCreatePage.tsx'));
const HouseholdImportPage = lazy(() => import('./pages/registry/HouseholdImportPage.tsx'));
const HouseholdPage = lazy(() => import('./pages/registry/HouseholdPage.tsx'));
const CaseInboxPage = lazy(() => import('./pages/cases/CaseInboxPage.tsx'));
const CasePage = lazy(() => import('./pages/cases/CasePage.tsx'));
const CaseloadImportPage = lazy(() => import('./pages/cases/CaseloadImportPage.tsx'));
const BatchListPage = lazy(() => import('./pages/cases/BatchListPage.tsx'));
const BatchPage = lazy(() => import('./pages/cases/BatchPage.tsx'));
const RerateListPage = lazy(() => import('./pages/rerate/RerateListPage.tsx'));
const ReratePage = lazy(() => import('./pages/rerate/ReratePage.tsx'));
const PolicyParametersPage = lazy(() => import('./pages/policy/ParametersPage.tsx'));
const PolicySimulatorPage = lazy(() => import('./pages/policy/SimulatorPage.tsx'));

/** The pages under one Suspense: each page's chunk loads on first visit. */
function Root() {
  return (
    <Suspense fallback={<PageLoading />}>
      <Outlet />
    </Suspense>
  );
}

// A data router (not <BrowserRouter>): forms with unsaved changes block in-app navigation (web/src/forms/useUnsavedGuard.ts).
const router = createBrowserRouter(
  createRoutesFromElements(
    <Route element={<Root />}>
      <Route path="/login" element={<LoginPage />} />
      <Route
        element={
          <RequireAuth>
            <AppLayout />
          </RequireAuth>
        }
      >
        <Route index element={<DashboardPage />} />
        <Route path="areas" element={<AreasPage />} />
        <Route path="users" element={<UsersPage />} />
        <Route path="audit" element={<AuditPage />} />
        <Route path="households" element={<HouseholdListPage />} />
        <Route path="households/new" element={<HouseholdCreatePage />} />
        <Route path="households/import" element={<HouseholdImportPage />} />
        <Route path="households/:householdNo" element={<HouseholdPage />} />
        <Route path="cases" element={<CaseInboxPage />} />
        <Route path="cases/batches" element={<BatchListPage />} />
        <Route path="cases/import" element={<CaseloadImportPage />} />
        <Route path="cases/batches/:batchNo" element={<BatchPage />} />
        <Route path="cases/rerate" element={<RerateListPage />} />
        <Route path="cases/rerate/:batchNo" element={<ReratePage />} />
        <Route path="cases/:caseNo" element={<CasePage />} />
        <Route path="policy" element={<PolicyParametersPage />} />
        <Route path="policy/simulator" element={<PolicySimulatorPage />} />
        {intakeRoutes()}
        {verificationRoutes()}
        {payrollRoutes()}
        {medicalRoutes()}
        {disasterRoutes()}
        {insuranceRoutes()}
        {reliefStationRoutes()}
        {wishesRoutes()}
        {outreachRoutes()}
        {leftBehindRoutes()}
        {institutionsRoutes()}
        {placementsRoutes()}
        {offlineRoutes()}
        {statsRoutes()}
        {volunteersRoutes()}
        {fundsRoutes()}
        {purchasedServicesRoutes()}
        {dciRoutes()}
        {MODULES.filter((m) => !m.built).map((m) => (
          <Route key={m.path} path={`${m.path.slice(1)}/*`} element={<ComingSoon module={m.label} />} />
        ))}
        <Route path="*" element={<Navigate to="/" replace />} />
      </Route>
    </Route>,
  ),
);

export function App() {
  return (
    <I18nProvider>
      <AuthProvider>
        <RouterProvider router={router} />
      </AuthProvider>
    </I18nProvider>
  );
}
