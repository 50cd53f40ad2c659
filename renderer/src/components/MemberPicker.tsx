import { Select } from 'antd';
import { useEffect, useRef, useState } from 'react';
import type { MemberListItem } from '../../../shared/contract/dto';
import { api } from '../api';
import { yuan } from '../format';

/** Picks a member by 姓名, 证件号码 (or its last digits) or 个人账号, searching members.search as the clerk types. */
export function MemberPicker(props: {
  id?: string;
  value?: number;
  onChange?: (member: MemberListItem | undefined) => void;
  placeholder?: string;
  testId?: string;
  /** The member already chosen elsewhere (a link, a saved application), so the picker can show its label. */
  initial?: MemberListItem | null;
  disabled?: boolean;
}) {
  const [options, setOptions] = useState<MemberListItem[]>(props.initial ? [props.initial] : []);
  const [loading, setLoading] = useState(false);
  const seq = useRef(0);
  const initial = props.initial;
  useEffect(() => {
    if (initial) setOptions((o) => (o.some((m) => m.id === initial.id) ? o : [initial]));
  }, [initial]);

  const search = (query: string) => {
    const q = query.trim();
    const mine = ++seq.current;
    if (!q) {
      setOptions([]);
      return;
    }
    setLoading(true);
    api('members.search', { query: q, limit: 20 })
      .then((rows) => {
        // Only the latest keystroke's answer counts; slower earlier answers are dropped.
        if (mine === seq.current) setOptions(rows);
      })
      .catch(() => undefined)
      .finally(() => mine === seq.current && setLoading(false));
  };

  return (
    <Select<number>
      id={props.id}
      data-testid={props.testId}
      value={props.value}
      onChange={(v) => {
        const chosen = options.find((m) => m.id === v);
        // Keep the chosen member as the only option so its label stays while later searches come and go.
        setOptions(chosen ? [chosen] : []);
        props.onChange?.(chosen);
      }}
      allowClear
      disabled={props.disabled}
      loading={loading}
      placeholder={props.placeholder ?? '输入职工姓名、证件号码或个人账号'}
      showSearch={{ filterOption: false, onSearch: search }}
      notFoundContent={loading ? '查询中…' : '未找到职工'}
      options={options.map((m) => ({
        value: m.id,
        label: `${m.name}（${m.accountNo}，${m.status}，余额 ${yuan(m.balanceFen)} 元）`,
      }))}
    />
  );
}
