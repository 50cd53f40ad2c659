import { Button, ConfigProvider, Layout, Menu, Result, Space, Spin, Tag } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import type { CenterConfig } from '../../shared/centers';
import type { OperatorDto, SetupStatus } from '../../shared/contract/calls';
import { api, ApiError, onSessionExpired, savedToken, setToken } from './api';
import { ConnectionBanner } from './components/ConnectionBanner';
import { ConnectionPage } from './pages/admin/ConnectionPage';
import { shell } from './shell';
import { navigate, useRoute } from './router';
import { SessionContext } from './session';
import { LoginPage } from './pages/LoginPage';
import { SetupPage } from './pages/SetupPage';
import { routes, menuFor } from './routes';
import './fonts.css';

/** System CJK sans fonts first; the bundled subset (fonts.css) wherever none is installed. */
export const UI_FONT_FAMILY = `'GJJ UI', -apple-system, 'Segoe UI', 'PingFang SC', 'Microsoft YaHei', 'Noto Sans CJK SC', 'Source Han Sans SC', 'WenQuanYi Micro Hei', sans-serif`;

/** The banner for an unreachable 网点主机 sits above every page, so the page under it keeps its state. */
export function App() {
  return (
    <ConfigProvider theme={{ token: { fontFamily: UI_FONT_FAMILY } }}>
      <ConnectionBanner />
      <AppMain />
    </ConfigProvider>
  );
}

function AppMain() {
  const [status, setStatus] = useState<SetupStatus | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [operator, setOperator] = useState<OperatorDto | null>(null);
  const [center, setCenter] = useState<CenterConfig | null>(null);
  // A reload (F5) keeps the tab's session: its token is checked with session.me before the login page shows.
  const [restoring, setRestoring] = useState(() => savedToken() !== null);
  const route = useRoute();

  const refresh = useCallback(() => {
    api('setup.status', {}).then(setStatus, (e: Error) => setError(e.message));
  }, []);
  useEffect(refresh, [refresh]);

  const logout = useCallback(() => {
    void api('session.logout', {}).catch(() => undefined);
    setToken(null);
    setOperator(null);
    navigate('/');
  }, []);
  useEffect(() => onSessionExpired(() => {
    setToken(null);
    setOperator(null);
  }), []);
  useEffect(() => {
    if (!status?.initialised || !restoring) return;
    (async () => {
      try {
        const op = await api('session.me', {});
        setCenter(await api('center.info', {}));
        setOperator(op);
      } catch (e) {
        if (e instanceof ApiError && (e.code === 'NO_SESSION' || e.code === 'FORBIDDEN')) setToken(null);
      } finally {
        setRestoring(false);
      }
    })();
  }, [status, restoring]);

  // 连接方式 / 配对 before any login (first run of a 柜台终端, or re-pairing after the host's certificate changed).
  if (route.path === '/connection' && shell()) return <div style={{ padding: 48 }}><ConnectionPage /></div>;
  if (error) {
    return (
      <Result
        status="error"
        title="无法连接业务服务"
        subTitle={error}
        extra={shell() && <Button onClick={() => navigate('/connection')}>连接设置</Button>}
      />
    );
  }
  if (!status || restoring) return <Spin style={{ margin: 80 }} />;
  if (!status.initialised) return <SetupPage onDone={refresh} />;
  if (!operator || !center) {
    return (
      <LoginPage
        centerName={status.centerName ?? ''}
        onLogin={async (token, op) => {
          setToken(token);
          setCenter(await api('center.info', {}));
          setOperator(op);
        }}
      />
    );
  }

  const match = routes.find((r) => r.path === route.path) ?? routes[0]!;
  const allowed = match.roles.includes(operator.role);
  document.title = `${match.title} · 公积金柜台`;
  const Page = match.component;
  const menuItems = menuFor(operator.role);
  return (
    <SessionContext.Provider value={{ operator, center, logout }}>
      {/* Designed for 1366×768 first: every section in a side menu (no "···"), the page scrolls beside it. */}
      <Layout style={{ minHeight: '100vh' }} hasSider>
        <Layout.Sider
          width={SIDER_WIDTH}
          theme="light"
          data-testid="side-menu"
          style={{ position: 'sticky', top: 0, height: '100vh', overflowY: 'auto', borderRight: '1px solid #e5e9f0' }}
        >
          <div style={{ background: '#1f5fa8', color: '#fff', height: 48, lineHeight: '48px', padding: '0 16px', fontWeight: 600, fontSize: 16, whiteSpace: 'nowrap' }}>
            公积金柜台 · {center.shortName}
          </div>
          <ConfigProvider theme={{ components: { Menu: { itemHeight: 30, itemMarginBlock: 1, subMenuItemBg: 'transparent' } } }}>
          <Menu
            mode="inline"
            inlineIndent={16}
            style={{ borderInlineEnd: 'none' }}
            selectedKeys={[match.menu ?? match.path]}
            defaultOpenKeys={groupKeys(menuItems)}
            items={menuItems}
            onClick={(e) => navigate(e.key)}
          />
          </ConfigProvider>
        </Layout.Sider>
        <Layout>
          <Layout.Header style={{ display: 'flex', alignItems: 'center', justifyContent: 'flex-end', gap: 16, background: '#fff', height: 48, lineHeight: '48px', padding: '0 16px', borderBottom: '1px solid #e5e9f0' }}>
            <Space>
              <span data-testid="operator-name">{operator.name}</span>
              <Tag color="gold">{operator.roleLabel}</Tag>
              <Button size="small" onClick={logout}>
                退出
              </Button>
            </Space>
          </Layout.Header>
          <Layout.Content style={{ padding: '12px 16px' }}>
            {allowed ? <Page route={route} /> : <Result status="403" title="无权访问" subTitle={`当前岗位（${operator.roleLabel}）不能办理此业务`} />}
          </Layout.Content>
          <Layout.Footer style={{ textAlign: 'center', color: '#888', padding: '8px 16px', fontSize: 13 }}>
            {center.name} · 服务热线 {center.hotline} · {center.address}
          </Layout.Footer>
        </Layout>
      </Layout>
    </SessionContext.Provider>
  );
}

const SIDER_WIDTH = 176;

function groupKeys(items: ReturnType<typeof menuFor>): string[] {
  return (items ?? []).map((i) => String(i?.key ?? '')).filter((k) => k.startsWith('group:'));
}
