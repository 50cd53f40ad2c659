/**
 * Whether a loan's guarantee needs a mortgage registration, so that `loan.sign` asks for a 抵押登记证明号 only
 * when the seed's procedure has one.
 *
 * 银川 (003 四、贷款流程): "3、到住房公积金贷款委托银行签订借款合同和抵押合同 4、到银川市房屋产权交易管理中心办理房地产贷款抵押登记"
 * — every loan.
 * 乌鲁木齐 (004 二、担保方式 and 三、贷款流程):
 * - 房产公司阶段担保加抵押: "由房产公司做阶段性担保并办理预抵押登记,后期再由房产公司办理房屋抵押登记";
 * - 房产抵押, and every 二手房 loan: "(二)二手房或房产抵押申请公积金贷款 … 5借款人到房产部门办理抵押手续";
 * - 担保公司担保 ("(一)担保公司担保贷款 … 6担保公司办理相关手续"), 住房公积金联保, 质押 and 自然人保证 ("不具备办理预抵押登记或
 *   抵押登记的住房") carry no mortgage registration of the borrower's: the number is optional.
 */
import type { CenterId } from '../../shared/centers/types';
import type { ServiceContext } from '../context';
import type { AppRow } from '../withdrawal/store';

export interface MortgageRequirement {
  required: boolean;
  /** Why (Chinese), quoted in the refusal and shown beside the field. */
  reason: string;
}

export function mortgageRegistration(center: CenterId, caseId: string, guaranteeType: string | undefined): MortgageRequirement {
  if (center === 'yinchuan') return { required: true, reason: '银川住房公积金贷款须办理房地产贷款抵押登记（003 四、贷款流程 4）' };
  if (guaranteeType === 'developer') return { required: true, reason: '房产公司阶段担保加抵押，须办理预抵押或抵押登记（004 二、担保方式 2）' };
  if (guaranteeType === 'property') return { required: true, reason: '房产抵押担保，须到房产部门办理抵押手续（004 三、(二)）' };
  if (caseId === 'secondHand') return { required: true, reason: '二手房贷款，须到房产部门办理抵押手续（004 三、(二)）' };
  const name: Record<string, string> = { company: '担保公司担保', pfJoint: '住房公积金联保', naturalPerson: '自然人保证', pledge: '质押' };
  return { required: false, reason: `${name[guaranteeType ?? ''] ?? '本担保方式'}不办理借款人的抵押登记（004 二、担保方式），抵押登记证明号可不填` };
}

/** The mortgage registration an application's guarantee needs (from the facts recorded at intake). */
export function mortgageRegistrationOf(ctx: ServiceContext, row: AppRow): MortgageRequirement {
  const facts = JSON.parse(row.facts_json) as { guarantee?: { type?: string } };
  return mortgageRegistration(ctx.center.id, row.case_id, facts.guarantee?.type);
}
