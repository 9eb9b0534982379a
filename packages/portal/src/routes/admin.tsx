import type { RouteObject } from 'react-router';
import { lazyPage as page, later } from '../layout/lazy-page';

// The platform admin's screens and the audit trail load when first opened.
const AdminDashboardPage = page(() => import('../pages/admin/admin-dashboard-page'), 'AdminDashboardPage');
const PluginsPage = page(() => import('../pages/admin/plugins-page'), 'PluginsPage');
const PluginPage = page(() => import('../pages/admin/plugin-page'), 'PluginPage');
const ServicesAdminPage = page(() => import('../pages/admin/services-admin-page'), 'ServicesAdminPage');
const DeliveriesPage = page(() => import('../pages/admin/deliveries-page'), 'DeliveriesPage');
const AuditPage = page(() => import('../pages/audit/audit-page'), 'AuditPage');

/** The admin screens' routes (see router.tsx for the order they are tried in). */
export const adminRoutes: RouteObject[] = [
  { path: '/admin', element: later(AdminDashboardPage) },
  { path: '/admin/plugins', element: later(PluginsPage) },
  { path: '/admin/plugins/:name', element: later(PluginPage) },
  { path: '/admin/services', element: later(ServicesAdminPage) },
  { path: '/admin/deliveries', element: later(DeliveriesPage) },
  { path: '/audit', element: later(AuditPage) },
];
