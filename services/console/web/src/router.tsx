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
const UnitPage = lazy(() => import('./pages/UnitPage'));
const SettingsPage = lazy(() => import('./pages/SettingsPage'));
const UnitsPage = lazy(() => import('./pages/settings/UnitsPage'));
const OfficersPage = lazy(() => import('./pages/settings/OfficersPage'));
const RulesPage = lazy(() => import('./pages/settings/RulesPage'));
const TemplatesPage = lazy(() => import('./pages/settings/TemplatesPage'));
const TemplatePage = lazy(() => import('./pages/settings/TemplatePage'));
const DataSubjectsPage = lazy(() => import('./pages/DataSubjectsPage'));
const MunicipalitiesPage = lazy(() => import('./pages/MunicipalitiesPage'));
const RegisterMunicipalityPage = lazy(() => import('./pages/RegisterMunicipalityPage'));
const MunicipalityPage = lazy(() => import('./pages/MunicipalityPage'));
const ReviseCharterPage = lazy(() => import('./pages/ReviseCharterPage'));

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
      { path: 'oversight', element: <PlaceholderPage section="oversight" /> },
      { path: 'audit', element: <AuditSearchPage /> },
      { path: 'audit/cases/:caseId', element: <AuditCasePage /> },
      { path: 'audit/log', element: <AuditLogPage /> },
      { path: 'ops', element: <OpsDashboardPage /> },
      { path: 'ops/platform', element: <PlatformHealthPage /> },
      { path: 'platform/municipalities', element: <MunicipalitiesPage /> },
      { path: 'platform/municipalities/new', element: <RegisterMunicipalityPage /> },
      { path: 'platform/municipalities/:slug', element: <MunicipalityPage /> },
      { path: 'platform/municipalities/:slug/new-version', element: <ReviseCharterPage /> },
      { path: 'unit', element: <UnitPage /> },
      { path: 'settings', element: <SettingsPage /> },
      { path: 'settings/units', element: <UnitsPage /> },
      { path: 'settings/officers', element: <OfficersPage /> },
      { path: 'settings/rules', element: <RulesPage /> },
      { path: 'settings/templates', element: <TemplatesPage /> },
      { path: 'settings/templates/:message', element: <TemplatePage /> },
      { path: 'data-subjects', element: <DataSubjectsPage /> },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
