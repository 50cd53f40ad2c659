import { Button, Card, Popconfirm, Space, Tooltip, Typography } from 'antd';
import { navigate } from '../../router';
import type { PrintedForm } from './print';
import { PrintResult } from './PrintResult';

/**
 * 保存草稿 / 提交复核 / 打印一次性告知书 / 撤销. 提交复核 is disabled, with the reason written beside it, while
 * the panel says 不符合 or a material is not received; the service checks both again.
 */
export function IntakeActions(props: {
  editable: boolean;
  saved: boolean;
  busy: 'save' | 'submit' | 'notice' | null;
  submitBlocked: string | null;
  noticeBlocked: string | null;
  printed: PrintedForm | null;
  onSave(): void;
  onSubmit(): void;
  onNotice(): void;
  onCancel(): void;
}) {
  return (
    <Card data-testid="intake-actions">
      <Space wrap>
        <Button data-testid="save-draft" onClick={props.onSave} loading={props.busy === 'save'} disabled={!props.editable}>
          保存草稿
        </Button>
        <Tooltip title={props.submitBlocked}>
          <Button type="primary" data-testid="submit" onClick={props.onSubmit} loading={props.busy === 'submit'} disabled={!props.editable || props.submitBlocked !== null}>
            提交复核
          </Button>
        </Tooltip>
        <Tooltip title={props.noticeBlocked}>
          <Button data-testid="print-notice" onClick={props.onNotice} loading={props.busy === 'notice'} disabled={!props.editable || props.noticeBlocked !== null}>
            打印一次性告知书
          </Button>
        </Tooltip>
        {props.saved ? (
          <Button danger onClick={props.onCancel} disabled={!props.editable}>
            撤销
          </Button>
        ) : (
          <Popconfirm title="放弃本次受理？填写的内容不会保存" okText="放弃" cancelText="继续受理" onConfirm={() => navigate('/')}>
            <Button danger disabled={false}>
              撤销
            </Button>
          </Popconfirm>
        )}
      </Space>
      {props.editable && props.submitBlocked && (
        <div style={{ marginTop: 8 }}>
          <Typography.Text type="warning" data-testid="submit-blocked">
            不能提交：{props.submitBlocked}
          </Typography.Text>
        </div>
      )}
      {props.printed && <PrintResult printed={props.printed} title="一次性告知书" />}
    </Card>
  );
}
