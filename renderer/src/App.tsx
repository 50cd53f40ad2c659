import { Button, Layout, Menu, Result, Space, Spin, Tag, Typography } from 'antd';
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

/** The banner for an unreachable 网点主机 sits above every page, so the page under it keeps its state. */
export function App() {
  return (
    <>
      <ConnectionBanner />
      <AppMain />
    </>
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
  return (
    <SessionContext.Provider value={{ operator, center, logout }}>
      <Layout style={{ minHeight: '100vh' }}>
        <Layout.Header style={{ display: 'flex', alignItems: 'center', gap: 24, background: '#1f5fa8' }}>
          <Typography.Title level={4} style={{ color: '#fff', margin: 0, whiteSpace: 'nowrap' }}>
            公积金柜台 · {center.shortName}
          </Typography.Title>
          <Menu
            theme="dark"
            mode="horizontal"
            style={{ flex: 1, background: 'transparent' }}
            selectedKeys={[match.menu ?? match.path]}
            items={menuFor(operator.role)}
            onClick={(e) => navigate(e.key)}
          />
          <Space style={{ color: '#fff' }}>
            <span data-testid="operator-name">{operator.name}</span>
            <Tag color="gold">{operator.roleLabel}</Tag>
            <Button size="small" onClick={logout}>
              退出
            </Button>
          </Space>
        </Layout.Header>
        <Layout.Content style={{ padding: 24 }}>
          {allowed ? <Page route={route} /> : <Result status="403" title="无权访问" subTitle={`当前岗位（${operator.roleLabel}）不能办理此业务`} />}
        </Layout.Content>
        <Layout.Footer style={{ textAlign: 'center', color: '#888' }}>
          {center.name} · 服务热线 {center.hotline} · {center.address}
        </Layout.Footer>
      </Layout>
    </SessionContext.Provider>
  );
}
