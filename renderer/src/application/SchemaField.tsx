import { Button, Card, Col, DatePicker, Form, Input, InputNumber, Radio, Row, Select, Switch, Typography } from 'antd';
import { formatYuan, parseYuan } from '../../../shared/money';
import type { FieldSpec } from './schemaFields';

type Name = (string | number)[];

/** Typed 元 is checked with the same parser the conversion uses; blank is the engine's to judge. */
const moneyRule = (label: string) => ({
  validator: async (_: unknown, v: string | undefined) => {
    if (v === undefined || v.trim() === '') return;
    try {
      if (parseYuan(v) < 0) throw new Error('negative');
    } catch {
      throw new Error(`${label}应为金额（元），最多两位小数，如 24000 或 2000.50`);
    }
  },
});

const YES_NO = [
  { label: '是', value: true },
  { label: '否', value: false },
];

/** The engine's default shown as the starting value, so a switch never reads 否 where the engine assumes 是. */
function initialValue(spec: FieldSpec): unknown {
  const d = spec.defaultValue;
  if (d === undefined || typeof d === 'object') return undefined;
  return spec.kind === 'fen' && typeof d === 'number' ? formatYuan(d) : d;
}

function Leaf(props: { spec: FieldSpec; name: Name }) {
  const { spec, name } = props;
  const common = { label: spec.label, name, required: spec.required, initialValue: initialValue(spec) };
  switch (spec.kind) {
    case 'switch':
      return (
        <Form.Item {...common} required={false} valuePropName="checked">
          <Switch checkedChildren="是" unCheckedChildren="否" />
        </Form.Item>
      );
    case 'yesNo':
      return (
        <Form.Item {...common}>
          <Radio.Group optionType="button" options={YES_NO} />
        </Form.Item>
      );
    case 'enum':
      return (
        <Form.Item {...common}>
          <Select allowClear={!spec.required} placeholder="请选择" options={spec.options} />
        </Form.Item>
      );
    case 'enumList':
      return (
        <Form.Item {...common} required={false}>
          <Select mode="multiple" allowClear placeholder="无" options={spec.options} />
        </Form.Item>
      );
    case 'date':
      return (
        <Form.Item {...common}>
          <DatePicker format="YYYY-MM-DD" placeholder="YYYY-MM-DD" style={{ width: '100%' }} />
        </Form.Item>
      );
    case 'fen':
      return (
        <Form.Item {...common} rules={[moneyRule(spec.label)]}>
          <Input suffix="元" inputMode="decimal" autoComplete="off" />
        </Form.Item>
      );
    case 'int':
      return (
        <Form.Item {...common}>
          <InputNumber min={0} precision={0} style={{ width: '100%' }} />
        </Form.Item>
      );
    default:
      return (
        <Form.Item {...common}>
          <Input autoComplete="off" />
        </Form.Item>
      );
  }
}

function ListField(props: { spec: FieldSpec; name: Name }) {
  const { spec, name } = props;
  return (
    <Form.List name={name}>
      {(items, { add, remove }) => (
        <div style={{ marginBottom: 16 }}>
          <Typography.Text strong>{spec.label}</Typography.Text>
          {items.length === 0 && <Typography.Text type="secondary">：无</Typography.Text>}
          {items.map((item, i) => (
            <Card
              key={item.key}
              size="small"
              title={`${spec.label}第${i + 1}项`}
              extra={
                <Button type="link" danger size="small" onClick={() => remove(item.name)}>
                  删除
                </Button>
              }
              style={{ marginTop: 8 }}
            >
              <FieldGrid specs={spec.children ?? []} prefix={[item.name]} />
            </Card>
          ))}
          <div>
            <Button type="dashed" size="small" onClick={() => add({})} style={{ marginTop: 8 }}>
              ＋ 添加一项
            </Button>
          </div>
        </div>
      )}
    </Form.List>
  );
}

/** One application field as the schema describes it: a leaf widget, a titled group, or an editable list. */
export function SchemaField(props: { spec: FieldSpec; prefix?: Name }) {
  const { spec } = props;
  const name = [...(props.prefix ?? []), ...spec.path];
  if (spec.kind === 'group') {
    return (
      <div style={{ marginBottom: 8 }}>
        <Typography.Text strong>{spec.label}</Typography.Text>
        <div style={{ borderLeft: '3px solid #e6eef8', paddingLeft: 12, marginTop: 8 }}>
          <FieldGrid specs={spec.children ?? []} prefix={props.prefix} />
        </div>
      </div>
    );
  }
  if (spec.kind === 'list') return <ListField spec={spec} name={name} />;
  return <Leaf spec={spec} name={name} />;
}

/** Leaves two to a row; groups and lists take the whole row. */
export function FieldGrid(props: { specs: FieldSpec[]; prefix?: Name }) {
  return (
    <Row gutter={16}>
      {props.specs.map((s) => (
        <Col key={s.path.join('.')} xs={24} md={s.kind === 'group' || s.kind === 'list' ? 24 : 12}>
          <SchemaField spec={s} prefix={props.prefix} />
        </Col>
      ))}
    </Row>
  );
}
