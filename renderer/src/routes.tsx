import type { MenuProps } from 'antd';
import type { ComponentType } from 'react';
import type { Role } from '../../shared/roles';
import type { Route } from './router';
import { loanRoutes } from './routes.loan';
import { servicingAdminRoutes, servicingRoutes } from './routes.servicing';
import { lazyPage } from './lazyPage';
// The first screen after login is in the main chunk: its search box has the focus at once, so a clerk who starts typing
// right after logging in loses no keystroke while a chunk loads.
import { HomePage } from './pages/HomePage';

// Pages load on first visit (their own chunks): the first screen waits only for the shell.
const AuditPage = lazyPage(() => import('./pages/admin/AuditPage').then((m) => m.AuditPage));
const ConnectionPage = lazyPage(() => import('./pages/admin/ConnectionPage').then((m) => m.ConnectionPage));
const HostPage = lazyPage(() => import('./pages/admin/HostPage').then((m) => m.HostPage));
const LedgerCheckPage = lazyPage(() => import('./pages/admin/LedgerCheckPage').then((m) => m.LedgerCheckPage));
const OperatorsPage = lazyPage(() => import('./pages/admin/OperatorsPage').then((m) => m.OperatorsPage));
const PolicyOverridesPage = lazyPage(() => import('./pages/admin/PolicyOverridesPage').then((m) => m.PolicyOverridesPage));
const RatesPage = lazyPage(() => import('./pages/admin/RatesPage').then((m) => m.RatesPage));
const SyncPage = lazyPage(() => import('./pages/admin/SyncPage').then((m) => m.SyncPage));
const CalculatorPage = lazyPage(() => import('./pages/CalculatorPage').then((m) => m.CalculatorPage));
const CenterInfoPage = lazyPage(() => import('./pages/CenterInfoPage').then((m) => m.CenterInfoPage));
const EmployerCreatePage = lazyPage(() => import('./pages/EmployerCreatePage').then((m) => m.EmployerCreatePage));
const EmployerListPage = lazyPage(() => import('./pages/EmployerListPage').then((m) => m.EmployerListPage));
const EmployerPage = lazyPage(() => import('./pages/EmployerPage').then((m) => m.EmployerPage));
const MemberDetailPage = lazyPage(() => import('./pages/MemberDetailPage').then((m) => m.MemberDetailPage));
const MemberOpenPage = lazyPage(() => import('./pages/MemberOpenPage').then((m) => m.MemberOpenPage));
const MemberSearchPage = lazyPage(() => import('./pages/MemberSearchPage').then((m) => m.MemberSearchPage));
const NoticesPage = lazyPage(() => import('./pages/NoticesPage').then((m) => m.NoticesPage));
const EligibilityPage = lazyPage(() => import('./pages/policy/EligibilityPage').then((m) => m.EligibilityPage));
const GuidesPage = lazyPage(() => import('./pages/policy/GuidesPage').then((m) => m.GuidesPage));
const RulesPage = lazyPage(() => import('./pages/policy/RulesPage').then((m) => m.RulesPage));
const WithdrawalDetailPage = lazyPage(() => import('./pages/withdrawal/DetailPage').then((m) => m.WithdrawalDetailPage));
const InboxPage = lazyPage(() => import('./pages/withdrawal/InboxPage').then((m) => m.InboxPage));
const DraftsPage = lazyPage(() => import('./pages/inbox/DraftsPage').then((m) => m.DraftsPage));
const WithdrawalIntakePage = lazyPage(() => import('./pages/withdrawal/IntakePage').then((m) => m.WithdrawalIntakePage));

export interface PageProps {
  route: Route;
}

export interface RouteDef {
  path: string;
  title: string;
  roles: readonly Role[];
  component: ComponentType<PageProps>;
  /** Shown in the top menu when set; the menu key is the path. */
  inMenu?: boolean;
  /** Puts the menu item under a sub-menu of this title. */
  group?: string;
  /** Highlights another menu item (detail pages). */
  menu?: string;
}

const ALL: readonly Role[] = ['clerk', 'reviewer', 'approver', 'admin'];
const COUNTER: readonly Role[] = ['clerk', 'admin'];
const ADMIN: readonly Role[] = ['admin'];

export const routes: RouteDef[] = [
  { path: '/', title: '首页', roles: ALL, component: HomePage, inMenu: true },
  { path: '/members', title: '职工', roles: ALL, component: MemberSearchPage, inMenu: true },
  { path: '/member', title: '职工详情', roles: ALL, component: MemberDetailPage, menu: '/members' },
  { path: '/members/open', title: '职工开户', roles: COUNTER, component: MemberOpenPage, menu: '/members' },
  { path: '/withdrawal/intake', title: '提取受理', roles: COUNTER, component: WithdrawalIntakePage, inMenu: true },
  { path: '/inbox', title: '待办', roles: ALL, component: InboxPage, inMenu: true },
  { path: '/drafts', title: '我的草稿', roles: COUNTER, component: DraftsPage, inMenu: true },
  { path: '/withdrawal', title: '提取申请详情', roles: ALL, component: WithdrawalDetailPage, menu: '/inbox' },
  { path: '/employers', title: '单位', roles: COUNTER, component: EmployerListPage, inMenu: true },
  { path: '/employers/new', title: '新增单位', roles: COUNTER, component: EmployerCreatePage, menu: '/employers' },
  // Read-only for every post: a reviewer following a member's 所在单位 link may see the employer.
  { path: '/employer', title: '单位详情', roles: ALL, component: EmployerPage, menu: '/employers' },
  { path: '/calc', title: '缴存计算器', roles: ALL, component: CalculatorPage, inMenu: true },
  ...loanRoutes,
  ...servicingRoutes,
  { path: '/policy', title: '政策审查', roles: ALL, component: EligibilityPage, inMenu: true },
  { path: '/guides', title: '办事指南', roles: ALL, component: GuidesPage, inMenu: true },
  { path: '/notices', title: '资讯', roles: ALL, component: NoticesPage, inMenu: true },
  { path: '/center', title: '中心信息', roles: ALL, component: CenterInfoPage, inMenu: true, group: '更多' },
  { path: '/rules', title: '政策规则', roles: ALL, component: RulesPage, inMenu: true, group: '更多' },
  { path: '/admin/users', title: '操作员', roles: ADMIN, component: OperatorsPage, inMenu: true, group: '系统管理' },
  { path: '/admin/audit', title: '审计日志', roles: ADMIN, component: AuditPage, inMenu: true, group: '系统管理' },
  { path: '/admin/check', title: '账务核对', roles: ADMIN, component: LedgerCheckPage, inMenu: true, group: '系统管理' },
  { path: '/admin/rates', title: '利率表', roles: ADMIN, component: RatesPage, inMenu: true, group: '系统管理' },
  { path: '/admin/policy', title: '政策参数调整', roles: ADMIN, component: PolicyOverridesPage, inMenu: true, group: '系统管理' },
  { path: '/admin/host', title: '网点主机', roles: ADMIN, component: HostPage, inMenu: true, group: '系统管理' },
  { path: '/admin/sync', title: '中心同步', roles: ADMIN, component: SyncPage, inMenu: true, group: '系统管理' },
  ...servicingAdminRoutes,
  { path: '/admin/connection', title: '连接方式', roles: ADMIN, component: ConnectionPage, inMenu: true, group: '系统管理' },
];

type MenuItem = NonNullable<MenuProps['items']>[number];

export function menuFor(role: Role): MenuProps['items'] {
  const items: MenuItem[] = [];
  const groups = new Map<string, MenuItem[]>();
  for (const r of routes) {
    if (!r.inMenu || !r.roles.includes(role)) continue;
    const item = { key: r.path, label: r.title };
    if (!r.group) {
      items.push(item);
      continue;
    }
    let children = groups.get(r.group);
    if (!children) {
      children = [];
      groups.set(r.group, children);
      items.push({ key: `group:${r.group}`, label: r.group, children });
    }
    children.push(item);
  }
  return items;
}
