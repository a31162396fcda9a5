import { lazy } from 'react';
import { createBrowserRouter } from 'react-router-dom';
import { AppShell } from './components/AppShell';
import { HomeRedirect } from './pages/HomeRedirect';

// Every page is its own chunk: its code loads when it is first visited.
const MyCasesPage = lazy(() => import('./pages/MyCasesPage'));
const CasePage = lazy(() => import('./pages/CasePage'));
const PlaceholderPage = lazy(() => import('./pages/PlaceholderPage'));
const NotFoundPage = lazy(() => import('./pages/NotFoundPage'));
const OpsDashboardPage = lazy(() => import('./pages/OpsDashboardPage'));
const PlatformHealthPage = lazy(() => import('./pages/PlatformHealthPage'));

export const router = createBrowserRouter([
  {
    element: <AppShell />,
    children: [
      { index: true, element: <HomeRedirect /> },
      { path: 'cases/mine', element: <MyCasesPage /> },
      { path: 'cases/:caseId', element: <CasePage /> },
      { path: 'registry', element: <PlaceholderPage section="registry" /> },
      { path: 'unit', element: <PlaceholderPage section="unit" /> },
      { path: 'oversight', element: <PlaceholderPage section="oversight" /> },
      { path: 'audit', element: <PlaceholderPage section="audit" /> },
      { path: 'settings', element: <PlaceholderPage section="settings" /> },
      { path: 'ops', element: <OpsDashboardPage /> },
      { path: 'ops/platform', element: <PlatformHealthPage /> },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
