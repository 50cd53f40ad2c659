import { Alert, Button, Space } from 'antd';
import { cancelRetries, retryNow, useConnection } from '../connection';

/** Shown at once, above everything, while calls wait for the 网点主机; the page below keeps what was typed. */
export function ConnectionBanner() {
  const { message, attempts } = useConnection();
  if (!message) return null;
  const where = message.replace(/，已保留您填写的内容，稍后自动重试$/, '');
  return (
    <div style={{ position: 'sticky', top: 0, zIndex: 1000 }} data-testid="connection-banner">
      <Alert
        banner
        type="error"
        showIcon
        title={`${where}，正在重试${attempts > 1 ? `（已尝试 ${attempts} 次）` : ''}`}
        description="您填写的内容已保留；连接恢复后这笔业务自动提交，只记一次。"
        action={
          <Space>
            <Button size="small" onClick={retryNow}>
              立即重试
            </Button>
            <Button size="small" danger onClick={cancelRetries}>
              取消
            </Button>
          </Space>
        }
      />
    </div>
  );
}
