import { Button, Space, Typography } from 'antd';
import type { MemberListItem } from '../../../../shared/contract/dto';
import { MemberPicker } from '../MemberPicker';

/**
 * A member picker for an antd Form.Item (value = member id). Once a member is chosen it shows the name, so a stored
 * application reopened for editing reads 马建国, not an id; `locked` for the borrower, whom loan.update cannot change.
 */
export function PersonPicker(props: {
  id?: string;
  testId?: string;
  value?: number;
  onChange?: (id: number | undefined) => void;
  onPick: (m: MemberListItem | undefined) => void;
  name: string | undefined;
  locked?: boolean;
  placeholder?: string;
}) {
  if (props.value !== undefined && props.name) {
    return (
      <Space data-testid={props.testId}>
        <Typography.Text strong>{props.name}</Typography.Text>
        {!props.locked && (
          <Button
            size="small"
            onClick={() => {
              props.onChange?.(undefined);
              props.onPick(undefined);
            }}
          >
            更换
          </Button>
        )}
      </Space>
    );
  }
  return (
    <MemberPicker
      {...(props.id ? { id: props.id } : {})}
      {...(props.testId ? { testId: props.testId } : {})}
      {...(props.placeholder ? { placeholder: props.placeholder } : {})}
      value={props.value}
      onChange={(m) => {
        props.onChange?.(m?.id);
        props.onPick(m);
      }}
    />
  );
}
