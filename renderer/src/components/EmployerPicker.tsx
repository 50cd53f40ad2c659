import { Select } from 'antd';
import { useEffect, useRef, useState } from 'react';
import type { EmployerDto } from '../../../shared/contract/dto';
import { api } from '../api';

/** 所在单位 picker for antd Form: searches employers.search by name, 单位账号 or 统一社会信用代码 as the clerk types. */
export function EmployerPicker(props: { id?: string; value?: number; onChange?: (id: number | undefined) => void; autoFocus?: boolean }) {
  const [options, setOptions] = useState<EmployerDto[]>([]);
  const [loading, setLoading] = useState(false);
  const seq = useRef(0);

  const search = (query: string) => {
    const mine = ++seq.current;
    setLoading(true);
    api('employers.search', { query })
      .then((rows) => {
        // Only the latest keystroke's answer counts; slower earlier answers are dropped.
        if (mine === seq.current) setOptions(rows);
      })
      .catch(() => undefined)
      .finally(() => mine === seq.current && setLoading(false));
  };
  useEffect(() => search(''), []);

  return (
    <Select<number>
      id={props.id}
      value={props.value}
      onChange={(v) => props.onChange?.(v)}
      autoFocus={props.autoFocus}
      allowClear
      loading={loading}
      placeholder="输入单位名称、单位账号或统一社会信用代码"
      showSearch={{ filterOption: false, onSearch: search }}
      notFoundContent={loading ? '查询中…' : '未找到单位'}
      options={options.map((e) => ({ value: e.id, label: `${e.name}（${e.accountNo}）` }))}
    />
  );
}
