import type { MenuProps } from 'antd';
import type { ComponentType } from 'react';
import type { Role } from '../../shared/roles';
import type { Route } from './router';
import { AuditPage } from './pages/admin/AuditPage';
import { ConnectionPage } from './pages/admin/ConnectionPage';
import { HostPage } from './pages/admin/HostPage';
import { LedgerCheckPage } from './pages/admin/LedgerCheckPage';
import { OperatorsPage } from './pages/admin/OperatorsPage';
import { PolicyOverridesPage } from './pages/admin/PolicyOverridesPage';
import { RatesPage } from './pages/admin/RatesPage';
import { SyncPage } from './pages/admin/SyncPage';
import { CalculatorPage } from './pages/CalculatorPage';
import { CenterInfoPage } from './pages/CenterInfoPage';
import { EmployerCreatePage } from './pages/EmployerCreatePage';
import { EmployerListPage } from './pages/EmployerListPage';
import { EmployerPage } from './pages/EmployerPage';
import { HomePage } from './pages/HomePage';
import { MemberDetailPage } from './pages/MemberDetailPage';
import { MemberOpenPage } from './pages/MemberOpenPage';
import { MemberSearchPage } from './pages/MemberSearchPage';
import { NoticesPage } from './pages/NoticesPage';
import { EligibilityPage } from './pages/policy/EligibilityPage';
import { GuidesPage } from './pages/policy/GuidesPage';
import { RulesPage } from './pages/policy/RulesPage';
import { WithdrawalDetailPage } from './pages/withdrawal/DetailPage';
import { InboxPage } from './pages/withdrawal/InboxPage';
import { DraftsPage } from './pages/inbox/DraftsPage';
import { WithdrawalIntakePage } from './pages/withdrawal/IntakePage';
import { loanRoutes } from './routes.loan';
import { servicingAdminRoutes, servicingRoutes } from './routes.servicing';

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
