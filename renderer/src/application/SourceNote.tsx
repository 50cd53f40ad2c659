import { Typography } from 'antd';
import type { SeedRef } from '../../../shared/rules/types';

/** The seed file and clause a rule, a limit or a material applies, shown on hover so the clerk can check it. */
export function SourceNote(props: { source: SeedRef; ruleId?: string }) {
  return (
    <div style={{ maxWidth: 420 }}>
      {props.ruleId && (
        <div>
          规则编号：<Typography.Text code>{props.ruleId}</Typography.Text>
        </div>
      )}
      <div>
        依据：<Typography.Text type="secondary">{props.source.file}</Typography.Text>
      </div>
      <div style={{ marginTop: 4 }}>原文：“{props.source.clause}”</div>
    </div>
  );
}
