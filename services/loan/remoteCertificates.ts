/**
 * What the counter recorded from a remote borrower's 缴存证明 (remote_certificates, 019_remote_borrowers), and whether a
 * member or employer is the center's pseudo-employer of remote borrowers. Read by the policy facts: no service imports.
 */
import type { RemoteContribution } from '../../shared/rules/personSchema';
import type { ServiceContext } from '../context';

/** Is this employer the center's pseudo-employer of remote borrowers? */
export function isRemoteEmployer(ctx: ServiceContext, employerId: number): boolean {
  const r = ctx.db.prepare('SELECT remote_custody FROM employers WHERE id = ?').get(employerId) as { remote_custody: number } | undefined;
  return r?.remote_custody === 1;
}

/** Is this member a remote borrower held under the pseudo-employer (no real account at this center)? */
export function isRemoteBorrower(ctx: ServiceContext, memberId: number): boolean {
  const r = ctx.db.prepare('SELECT e.remote_custody FROM members m JOIN employers e ON e.id = m.employer_id WHERE m.id = ?').get(memberId) as { remote_custody: number } | undefined;
  return r?.remote_custody === 1;
}

/** The latest recorded certificate of a remote borrower, in the engine's shape, with who recorded it and when. */
export function recordedRemoteContribution(ctx: ServiceContext, memberId: number): RemoteContribution | undefined {
  const r = ctx.db
    .prepare(
      `SELECT c.*, o.name AS operator_name FROM remote_certificates c LEFT JOIN operators o ON o.id = c.recorded_by
        WHERE c.member_id = ? ORDER BY c.id DESC LIMIT 1`,
    )
    .get(memberId) as
    | { place: 'province' | 'elsewhere'; center_name: string; certificate_date: string; opened_date: string; agreement_date: string | null; monthly_deposit_fen: number; base_fen: number; continuous_months: number; balance_fen: number; recorded_at: string; operator_name: string | null }
    | undefined;
  if (!r) return undefined;
  return {
    place: r.place,
    centerName: r.center_name,
    certificateDate: r.certificate_date,
    openedDate: r.opened_date,
    ...(r.agreement_date ? { agreementDate: r.agreement_date } : {}),
    balanceFen: r.balance_fen,
    continuousMonths: r.continuous_months,
    monthlyDepositFen: r.monthly_deposit_fen,
    baseFen: r.base_fen,
    recordedBy: r.operator_name ?? '',
    recordedAt: r.recorded_at,
  };
}
