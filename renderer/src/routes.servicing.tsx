/**
 * The servicing screens (issue 6), spread into routes.tsx: 日结 for every post at the top level, 结息与调息 for the
 * administrator under 系统管理. Two lists, because the menu places a group where its first route appears.
 */
import type { Role } from '../../shared/roles';
import type { RouteDef } from './routes';
import { lazyPage } from './lazyPage';

// Pages load on first visit (their own chunks): the first screen waits only for the shell.
const DailyJournalPage = lazyPage(() => import('./pages/servicing/DailyJournalPage').then((m) => m.DailyJournalPage));
const InterestRepricePage = lazyPage(() => import('./pages/servicing/InterestRepricePage').then((m) => m.InterestRepricePage));

const ALL: readonly Role[] = ['clerk', 'reviewer', 'approver', 'admin'];
const ADMIN: readonly Role[] = ['admin'];

export const servicingRoutes: RouteDef[] = [{ path: '/daily', title: '日结', roles: ALL, component: DailyJournalPage, inMenu: true }];

export const servicingAdminRoutes: RouteDef[] = [
  { path: '/admin/interest', title: '结息与调息', roles: ADMIN, component: InterestRepricePage, inMenu: true, group: '系统管理' },
];
