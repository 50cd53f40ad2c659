import { describe, expect, it } from 'vitest';
import { evaluateWithdrawal } from '../engine';
import { wd } from '../testing/fixtures';

// 004 四、申请时限: each time limit runs from a document's date, so that document is on the checklist.
const materials = (caseId: string, house: Record<string, unknown>) => evaluateWithdrawal(wd('urumqi', caseId, { house: { houseId: 'H1', residential: true, ...house } })).materials.map((m) => m.id);

describe('乌鲁木齐 withdrawal checklists list the documents whose dates the time limits read', () => {
  it('二手房 and 拍卖房: 《不动产权证书》; not for a new home', () => {
    expect(materials('purchase', { type: 'secondHand', priceFen: 1, certificateDate: '2024-06-01' })).toContain('uq.mat.purchase.certificate');
    expect(materials('purchase', { type: 'auction', priceFen: 1, certificateDate: '2024-06-01' })).toContain('uq.mat.purchase.certificate');
    expect(materials('purchase', { type: 'new', priceFen: 1, contractDate: '2024-06-01' })).not.toContain('uq.mat.purchase.certificate');
  });
  it('集资建房: 《购房协议》; 房改房: 《单位出售公有住房审批表》, each only for its type', () => {
    const collective = materials('purchase', { type: 'collective', priceFen: 1, agreementDate: '2024-06-01' });
    expect(collective).toContain('uq.mat.purchase.agreement');
    expect(collective).not.toContain('uq.mat.purchase.reformApproval');
    const reform = materials('purchase', { type: 'reform', priceFen: 1, reformApprovalDate: '2024-06-01' });
    expect(reform).toContain('uq.mat.purchase.reformApproval');
    expect(reform).not.toContain('uq.mat.purchase.agreement');
  });
  it('建造 《用地批准书》, 翻建 《建设用地工程规划许可证》, 大修 《危房鉴定书》', () => {
    expect(materials('build', { costFen: 1, landApprovalDate: '2024-06-01' })).toContain('uq.mat.build.landApproval');
    expect(materials('rebuild', { costFen: 1, planningPermitDate: '2024-06-01' })).toContain('uq.mat.rebuild.planningPermit');
    expect(materials('repair', { costFen: 1, appraisalDate: '2024-06-01' })).toContain('uq.mat.repair.appraisal');
    expect(materials('build', { costFen: 1, landApprovalDate: '2024-06-01' })).not.toContain('uq.mat.repair.appraisal');
  });
});
