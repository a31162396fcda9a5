import { lazy } from 'react';
import { createBrowserRouter } from 'react-router-dom';
import { AppShell } from './components/AppShell';
import { HomeRedirect } from './pages/HomeRedirect';

// Every page is its own chunk: its code loads when it is first visited.
const MyCasesPage = lazy(() => import('./pages/MyCasesPage'));
const CasePage = lazy(() => import('./pages/CasePage'));
const RegistryPage = lazy(() => import('./pages/RegistryPage'));
const RegisterPage = lazy(() => import('./pages/RegisterPage'));
const ScreeningQueuePage = lazy(() => import('./pages/ScreeningQueuePage'));
const ScreeningCasePage = lazy(() => import('./pages/ScreeningCasePage'));
const PlaceholderPage = lazy(() => import('./pages/PlaceholderPage'));
const NotFoundPage = lazy(() => import('./pages/NotFoundPage'));
const AuditSearchPage = lazy(() => import('./pages/AuditSearchPage'));
const AuditCasePage = lazy(() => import('./pages/AuditCasePage'));
const AuditLogPage = lazy(() => import('./pages/AuditLogPage'));
const OpsDashboardPage = lazy(() => import('./pages/OpsDashboardPage'));
const PlatformHealthPage = lazy(() => import('./pages/PlatformHealthPage'));

export const router = createBrowserRouter([
  {
    element: <AppShell />,
    children: [
      { index: true, element: <HomeRedirect /> },
      { path: 'cases/mine', element: <MyCasesPage /> },
      { path: 'cases/:caseId', element: <CasePage /> },
      { path: 'registry', element: <RegistryPage /> },
      { path: 'registry/new', element: <RegisterPage /> },
      { path: 'registry/screening', element: <ScreeningQueuePage /> },
      { path: 'registry/screening/:caseId', element: <ScreeningCasePage /> },
      { path: 'unit', element: <PlaceholderPage section="unit" /> },
      { path: 'oversight', element: <PlaceholderPage section="oversight" /> },
      { path: 'audit', element: <AuditSearchPage /> },
      { path: 'audit/cases/:caseId', element: <AuditCasePage /> },
      { path: 'audit/log', element: <AuditLogPage /> },
      { path: 'settings', element: <PlaceholderPage section="settings" /> },
      { path: 'ops', element: <OpsDashboardPage /> },
      { path: 'ops/platform', element: <PlatformHealthPage /> },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
