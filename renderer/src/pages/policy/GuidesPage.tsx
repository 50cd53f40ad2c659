import { Alert, Button, Card, Col, Empty, Menu, Row, Space, Spin } from 'antd';
import { useEffect, useState } from 'react';
import type { Guide } from '../../../../shared/rules/views';
import { PageTitle } from '../../components/PageTitle';
import type { PageProps } from '../../routes';
import { navigate } from '../../router';
import { api } from '../../api';
import { useSession } from '../../session';
import { GuideView } from './GuideView';
import { printGuide, type PrintedGuide } from './printGuide';

const KIND_TITLE = { withdrawal: '住房公积金提取', loan: '住房公积金贷款' } as const;
const keyOf = (g: Guide) => `${g.kind}:${g.caseId}`;

/** Guides by kind, then by the center's own grouping (住房消费类 / 非住房消费类, 购房 / 建房 …). */
function menuItems(guides: Guide[]) {
  return (['withdrawal', 'loan'] as const).map((kind) => {
    const groups = new Map<string, Guide[]>();
    for (const g of guides.filter((x) => x.kind === kind)) {
      if (!groups.has(g.group)) groups.set(g.group, []);
      groups.get(g.group)!.push(g);
    }
    return {
      key: kind,
      label: KIND_TITLE[kind],
      type: 'group' as const,
      children: [...groups].map(([group, gs]) => ({
        key: `${kind}/${group}`,
        label: group,
        children: gs.map((g) => ({ key: keyOf(g), label: g.title.replace(/（.*$/, '') })),
      })),
    };
  });
}

/** 办事指南: every case's guide, generated from the rule data, on screen and as a printable PDF. */
export function GuidesPage({ route }: PageProps) {
  const { center } = useSession();
  const [guides, setGuides] = useState<Guide[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [printing, setPrinting] = useState(false);
  const [printed, setPrinted] = useState<PrintedGuide | null>(null);
  const selected = route.params.get('guide');

  useEffect(() => {
    api('rules.guides', {}).then(setGuides, (e: Error) => setError(e.message));
  }, []);
  useEffect(() => {
    setPrinted((p) => {
      if (p) URL.revokeObjectURL(p.url);
      return null;
    });
  }, [selected]);

  const guide = guides?.find((g) => keyOf(g) === selected) ?? null;
  const print = async () => {
    if (!guide) return;
    setPrinting(true);
    setError(null);
    try {
      setPrinted(await printGuide(guide.kind, guide.caseId));
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setPrinting(false);
    }
  };

  return (
    <>
      <PageTitle title="办事指南" sub={center.name} />
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      <Row gutter={[16, 16]} align="top">
        <Col xs={24} lg={7} xl={6}>
          <Card size="small" styles={{ body: { padding: 0 } }}>
            {!guides ? (
              <Spin style={{ margin: 24 }} />
            ) : (
              <Menu
                data-testid="guide-list"
                mode="inline"
                selectedKeys={selected ? [selected] : []}
                defaultOpenKeys={[...new Set(guides.map((g) => `${g.kind}/${g.group}`))]}
                items={menuItems(guides)}
                onClick={(e) => navigate(`/guides?guide=${encodeURIComponent(e.key)}`)}
              />
            )}
          </Card>
        </Col>
        <Col xs={24} lg={17} xl={18}>
          {guide ? (
            <GuideView
              guide={guide}
              extra={
                <Space>
                  {printed && (
                    <a data-testid="guide-download" href={printed.url} download={printed.fileName}>
                      {printed.opened ? '下载PDF' : '未能打开窗口，点此下载PDF'}
                    </a>
                  )}
                  <Button onClick={() => navigate(`/policy?kind=${guide.kind}&case=${encodeURIComponent(guide.caseId)}`)}>政策审查</Button>
                  <Button type="primary" onClick={print} loading={printing}>
                    打印
                  </Button>
                </Space>
              }
            />
          ) : (
            <Card>
              <Empty description="请在左侧选择业务，查看办事指南" />
            </Card>
          )}
        </Col>
      </Row>
    </>
  );
}
