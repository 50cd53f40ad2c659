import { Alert, Tag } from 'antd';
import type { PrintedForm } from './print';

/** What was printed, with 补打 when it was printed before, and the file as a link should the window not open. */
export function PrintResult(props: { printed: PrintedForm; title: string }) {
  const p = props.printed;
  return (
    <Alert
      data-testid="print-result"
      type={p.reprint ? 'warning' : 'info'}
      showIcon
      style={{ marginTop: 12 }}
      title={
        <span>
          {p.reprint && (
            <Tag color="orange" data-testid="print-reprint">
              补打
            </Tag>
          )}
          《{props.title}》{p.opened ? '已在新窗口打开，可从窗口中打印' : '未能打开新窗口，请下载后打印'}
          {p.reprint ? '（此前已打印过，本次为补打，纸面标注“补打”）' : ''}
        </span>
      }
      description={
        <a href={p.url} download={p.fileName} data-testid="print-download">
          下载 {p.fileName}
        </a>
      }
    />
  );
}
