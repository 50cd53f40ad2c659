import { Alert, Button, Card, Checkbox, Empty, Form, Popover, Space, Tag, Typography } from 'antd';
import type { MaterialItem } from '../../../../shared/rules';
import { SourceNote } from '../../application/DecisionPanel';

/**
 * 材料清单: the engine's list for this case and these facts, each ticked 已收 when the clerk has seen it. A list
 * with any item not received can only be saved (and the 一次性告知书 printed), never submitted.
 */
export function MaterialsCard(props: { materials: MaterialItem[] | null; seen: string[]; onAll(): void }) {
  const { materials, seen } = props;
  const missing = (materials ?? []).filter((m) => !seen.includes(m.id));
  return (
    <Card
      title={materials ? `材料清单（共${materials.length}项，已收${materials.length - missing.length}项）` : '材料清单'}
      extra={
        materials && missing.length > 0 ? (
          <Button size="small" onClick={props.onAll}>
            全部已收
          </Button>
        ) : null
      }
      style={{ marginBottom: 16 }}
    >
      {!materials && <Empty description="审查后列出本情形须提交的材料" />}
      {/* Always registered, so a contract error naming materialsSeen has a place to show. */}
      <Form.Item name="materialsSeen" style={{ marginBottom: 0, display: materials ? undefined : 'none' }}>
        <Checkbox.Group style={{ width: '100%' }} data-testid="materials-checklist">
          <Space orientation="vertical" style={{ width: '100%' }}>
            {(materials ?? []).map((m) => (
              <Checkbox key={m.id} value={m.id} data-testid={`material-${m.id}`}>
                <Popover title="依据" content={<SourceNote source={m.source} />}>
                  <span>{m.text}</span>
                </Popover>{' '}
                {seen.includes(m.id) ? <Tag color="green">已收</Tag> : <Tag color="orange">未收</Tag>}
              </Checkbox>
            ))}
          </Space>
        </Checkbox.Group>
      </Form.Item>
      {materials && materials.length === 0 && <Typography.Text type="secondary">本情形无须另交材料</Typography.Text>}
      {materials && missing.length > 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginTop: 12 }}
          title={`还有${missing.length}项材料未收：材料不全只能保存草稿，并打印一次性告知书交申请人`}
        />
      )}
    </Card>
  );
}
