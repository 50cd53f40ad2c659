import type { MenuProps } from 'antd';
import type { ComponentType } from 'react';
import type { Role } from '../../shared/roles';
import type { Route } from './router';
import { HomePage } from './pages/HomePage';

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
  /** Highlights another menu item (detail pages). */
  menu?: string;
}

const ALL: readonly Role[] = ['clerk', 'reviewer', 'approver', 'admin'];

export const routes: RouteDef[] = [{ path: '/', title: '首页', roles: ALL, component: HomePage, inMenu: true }];

export function menuFor(role: Role): MenuProps['items'] {
  return routes.filter((r) => r.inMenu && r.roles.includes(role)).map((r) => ({ key: r.path, label: r.title }));
}
