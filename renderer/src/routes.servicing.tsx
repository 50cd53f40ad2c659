/**
 * The servicing screens (issue 6), spread into routes.tsx: 日结 for every post at the top level, 结息与调息 for the
 * administrator under 系统管理. Two lists, because the menu places a group where its first route appears.
 */
import type { Role } from '../../shared/roles';
import { DailyJournalPage } from './pages/servicing/DailyJournalPage';
import { InterestRepricePage } from './pages/servicing/InterestRepricePage';
import type { RouteDef } from './routes';

const ALL: readonly Role[] = ['clerk', 'reviewer', 'approver', 'admin'];
const ADMIN: readonly Role[] = ['admin'];

export const servicingRoutes: RouteDef[] = [{ path: '/daily', title: '日结', roles: ALL, component: DailyJournalPage, inMenu: true }];

export const servicingAdminRoutes: RouteDef[] = [
  { path: '/admin/interest', title: '结息与调息', roles: ADMIN, component: InterestRepricePage, inMenu: true, group: '系统管理' },
];
