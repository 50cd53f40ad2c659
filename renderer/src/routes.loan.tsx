/**
 * The loan (贷款) screens, spread into routes.tsx: the calculator for every post, intake and the counter's list for
 * the clerk, the approval inbox for reviewers and approvers; the application page for all (its actions follow the
 * role). Kept apart so the loan screens can change without touching the shared route table.
 */
import type { Role } from '../../shared/roles';
import type { RouteDef } from './routes';
import { lazyPage } from './lazyPage';

// Pages load on first visit (their own chunks): the first screen waits only for the shell.
const LoanAppPage = lazyPage(() => import('./pages/loan/LoanAppPage').then((m) => m.LoanAppPage));
const LoanCalcPage = lazyPage(() => import('./pages/loan/LoanCalcPage').then((m) => m.LoanCalcPage));
const LoanCounterListPage = lazyPage(() => import('./pages/loan/LoanInboxPage').then((m) => m.LoanCounterListPage));
const LoanInboxPage = lazyPage(() => import('./pages/loan/LoanInboxPage').then((m) => m.LoanInboxPage));
const LoanIntakePage = lazyPage(() => import('./pages/loan/LoanIntakePage').then((m) => m.LoanIntakePage));

const ALL: readonly Role[] = ['clerk', 'reviewer', 'approver', 'admin'];
const COUNTER: readonly Role[] = ['clerk', 'admin'];
const SIGNERS: readonly Role[] = ['reviewer', 'approver', 'admin'];
const GROUP = '贷款';

export const loanRoutes: RouteDef[] = [
  { path: '/loan/calc', title: '贷款计算器', roles: ALL, component: LoanCalcPage, inMenu: true, group: GROUP },
  { path: '/loan/new', title: '贷款受理', roles: COUNTER, component: LoanIntakePage, inMenu: true, group: GROUP },
  { path: '/loans', title: '贷款审批', roles: SIGNERS, component: LoanInboxPage, inMenu: true, group: GROUP },
  { path: '/loans/counter', title: '我的贷款申请', roles: COUNTER, component: LoanCounterListPage, inMenu: true, group: GROUP },
  { path: '/loan', title: '贷款申请', roles: ALL, component: LoanAppPage, menu: '/loans' },
];
