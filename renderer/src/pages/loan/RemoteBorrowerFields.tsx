import { Alert, Col, DatePicker, Form, Input, InputNumber, Row, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import type { CallInput } from '../../../../shared/contract/calls';
import { remoteRatioPercent } from '../../../../shared/loan/remoteRatio';
import { formatYuanGrouped, parseYuan } from '../../../../shared/money';
import type { Person } from '../../../../shared/rules/personSchema';
import { yuanRule } from '../../format';

/** 借款人类型: an account here (picked from the register) or 异地缴存职工（本中心无账户） typed from the papers. */
export const BORROWER_MODES = [
  { value: 'local', label: '本中心缴存职工' },
  { value: 'remote', label: '异地缴存职工（本中心无账户）' },
];

const PLACES = [
  { value: 'province', label: '宁夏区内异地' },
  { value: 'elsewhere', label: '区外' },
];

const R = (...p: string[]) => ['remote', ...p];

/**
 * The borrower's identity and what the other center's 缴存证明 states (银川 003 6、… 缴存证明 … 提取协议;(有效期限为一个月)).
 * Saved through loan.createRemote, which opens a sealed zero-balance account under 异地缴存职工（中心代管） and records the
 * certificate with who recorded it and when; the rules read it from there.
 */
export function RemoteBorrowerFields() {
  const date = (label: string, name: string[], required = true) => (
    <Form.Item label={label} name={name} htmlFor={name.join('-')} required={required} rules={required ? [{ required: true, message: `请填写${label}` }] : []}>
      <DatePicker id={name.join('-')} format="YYYY-MM-DD" placeholder="YYYY-MM-DD" style={{ width: '100%' }} />
    </Form.Item>
  );
  const money = (label: string, name: string[]) => (
    <Form.Item label={label} name={name} required rules={[{ required: true, message: `请填写${label}` }, yuanRule(label)]}>
      <Input suffix="元" inputMode="decimal" autoComplete="off" />
    </Form.Item>
  );
  return (
    <div data-testid="remote-borrower">
      <Row gutter={16}>
        <Col xs={24} md={8}>
          <Form.Item label="借款人姓名" name={R('borrower', 'name')} required rules={[{ required: true, message: '请填写借款人姓名' }]}>
            <Input />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item label="借款人证件号码" name={R('borrower', 'idNumber')} required rules={[{ required: true, message: '请填写借款人证件号码' }]}>
            <Input maxLength={18} />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item label="借款人联系电话" name={R('borrower', 'phone')} required rules={[{ required: true, message: '请填写借款人联系电话' }]}>
            <Input inputMode="tel" />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item label="缴存地" name={R('certificate', 'place')} htmlFor="remote-place" required>
            <Select id="remote-place" options={PLACES} />
          </Form.Item>
        </Col>
        <Col xs={24} md={16}>
          <Form.Item label="缴存地公积金中心" name={R('certificate', 'centerName')} required rules={[{ required: true, message: '请填写缴存地公积金中心' }]}>
            <Input placeholder="如 石嘴山住房公积金管理中心" />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>{date('缴存证明出具日期', R('certificate', 'certificateDate'))}</Col>
        <Col xs={24} md={8}>{date('提取协议日期', R('certificate', 'agreementDate'), false)}</Col>
        <Col xs={24} md={8}>{date('开户日期', R('certificate', 'openedDate'))}</Col>
        <Col xs={24} md={8}>{money('月缴存额', R('certificate', 'monthlyDepositYuan'))}</Col>
        <Col xs={24} md={8}>{money('缴存基数', R('certificate', 'baseYuan'))}</Col>
        <Col xs={24} md={8}>
          <Form.Item label="连续缴存月数" name={R('certificate', 'continuousMonths')} required rules={[{ required: true, message: '请填写连续缴存月数' }]}>
            <InputNumber min={0} max={600} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>{money('账户余额', R('certificate', 'balanceYuan'))}</Col>
      </Row>
    </div>
  );
}

type Cert = CallInput<'loan.createRemote'>['certificate'];
export interface RemoteValues {
  borrower?: { name?: string; idNumber?: string; phone?: string };
  certificate?: { place?: Cert['place']; centerName?: string; certificateDate?: Dayjs | string | null; openedDate?: Dayjs | string | null; agreementDate?: Dayjs | string | null; monthlyDepositYuan?: string; baseYuan?: string; continuousMonths?: number | null; balanceYuan?: string };
}

const day = (v: Dayjs | string | null | undefined) => (v ? (typeof v === 'string' ? v.slice(0, 10) : v.format('YYYY-MM-DD')) : undefined);
const fen = (v: string | undefined) => {
  try {
    return v && v.trim() ? parseYuan(v) : undefined;
  } catch {
    return undefined;
  }
};

/** The form's remote fields → loan.createRemote's borrower and certificate; null while something needed is missing. */
export function remoteInput(v: RemoteValues | undefined): Pick<CallInput<'loan.createRemote'>, 'borrower' | 'certificate'> | null {
  const b = v?.borrower;
  const c = v?.certificate;
  const certificateDate = day(c?.certificateDate);
  const openedDate = day(c?.openedDate);
  const [monthlyDepositFen, baseFen, balanceFen] = [fen(c?.monthlyDepositYuan), fen(c?.baseYuan), fen(c?.balanceYuan)];
  if (!b?.name || !b.idNumber || !b.phone || !c?.place || !c.centerName || !certificateDate || !openedDate) return null;
  if (monthlyDepositFen === undefined || baseFen === undefined || balanceFen === undefined || typeof c.continuousMonths !== 'number') return null;
  const agreementDate = day(c.agreementDate);
  return {
    borrower: { name: b.name.trim(), idNumber: b.idNumber.trim().toUpperCase(), phone: b.phone.trim() },
    certificate: { place: c.place, centerName: c.centerName.trim(), certificateDate, openedDate, ...(agreementDate ? { agreementDate } : {}), monthlyDepositFen, baseFen, continuousMonths: c.continuousMonths, balanceFen },
  };
}

/**
 * The borrower as the service will judge them, for the live panel only: no account here, so the certificate's
 * contribution (services/policy/recordedFacts.ts withRemoteContribution). The service re-reads the recorded one on save.
 */
export function remotePerson(r: Pick<CallInput<'loan.createRemote'>, 'borrower' | 'certificate'>): Person {
  const c = r.certificate;
  return {
    name: r.borrower.name,
    accountStatus: '正常',
    balanceFen: c.balanceFen,
    accruedInterestFen: 0,
    continuousMonths: c.continuousMonths,
    openedDate: c.openedDate,
    contributionRatioPercent: remoteRatioPercent(c.monthlyDepositFen, c.baseFen),
    contributionPlace: c.place,
    loans: [],
    withdrawals: [],
    dishonest: false,
    custodyAccount: false,
    remoteContribution: { place: c.place, centerName: c.centerName, certificateDate: c.certificateDate, openedDate: c.openedDate, ...(c.agreementDate ? { agreementDate: c.agreementDate } : {}), balanceFen: c.balanceFen, continuousMonths: c.continuousMonths, monthlyDepositFen: c.monthlyDepositFen, baseFen: c.baseFen },
  };
}

/** A saved remote borrower reopened: the recorded certificate's contribution, as the service judges it. */
export function asJudged(p: Person): Person {
  const rc = p.remoteContribution;
  if (!rc || p.accountStatus === '正常') return p;
  return { ...p, contributionPlace: rc.place, accountStatus: '正常', continuousMonths: rc.continuousMonths, balanceFen: p.balanceFen + rc.balanceFen };
}

/** A saved remote borrower: whose certificate the rules read, and who recorded it when. */
export function RecordedCertificate({ rc }: { rc: NonNullable<Person['remoteContribution']> }) {
  const yuan = (fen: number | undefined) => (fen === undefined ? '—' : formatYuanGrouped(fen));
  return (
    <Alert
      data-testid="recorded-certificate"
      type="info"
      showIcon
      style={{ marginBottom: 12 }}
      title={`异地缴存职工（本中心无账户）：缴存情况取自${rc.centerName}${rc.certificateDate}出具的缴存证明`}
      description={`开户日期${rc.openedDate ?? '—'}，月缴存额${yuan(rc.monthlyDepositFen)}元，缴存基数${yuan(rc.baseFen)}元，连续缴存${rc.continuousMonths}个月，余额${yuan(rc.balanceFen)}元；${rc.recordedBy ?? ''}于${(rc.recordedAt ?? '').slice(0, 10)}登记`}
    />
  );
}
