import { describe, expect, it } from 'vitest';
import { paperSpecs, papersOf, papersToForm, withPapers } from './recordedPapers';
import { factsOf } from './intakeValues';

describe('withdrawal intake: facts recorded from papers (失信惩戒查询, 异地贷款)', () => {
  it('asks the check and other-center loans in Chinese, without the service-written stamp or the remote flag', () => {
    const specs = paperSpecs('memberExtra');
    expect(specs.map((s) => s.label)).toEqual(['职工失信惩戒查询', '职工在其他公积金中心的贷款']);
    const leaves = JSON.stringify(specs);
    expect(leaves).not.toContain('checkedBy');
    expect(leaves).not.toContain('"remote"');
  });
  it('sends loans typed here as loans at other centers, and the spouse part only with a picked spouse', () => {
    const facts = { memberExtra: { dishonestCheck: { source: '信用中国', result: 'clear' } }, spouseExtra: { loans: [{ loanId: 'X-1', status: 'unpaid' }] } };
    expect(papersOf(facts)).toEqual({ memberExtra: { dishonestCheck: { source: '信用中国', result: 'clear' } }, spouseExtra: { loans: [{ loanId: 'X-1', status: 'unpaid', remote: true }] } });
    expect(factsOf({ facts: { maritalStatus: 'married', ...facts } }, false).facts.spouseExtra).toBeUndefined();
    expect(factsOf({ facts: { maritalStatus: 'married', ...facts } }, true).facts.spouseExtra).toBeDefined();
  });
  it('judges live as the service does: a listed check sets 失信, other-center loans join the ledger’s', () => {
    const p = withPapers({ loans: [{ loanId: 'L' }] }, { dishonestCheck: { source: '信用中国', result: 'listed' }, loans: [{ loanId: 'R', remote: true }] });
    expect(p).toMatchObject({ dishonest: true, loans: [{ loanId: 'L' }, { loanId: 'R', remote: true }] });
    expect(papersToForm({ memberExtra: { dishonestCheck: { source: '信用中国', result: 'clear' } } })).toMatchObject({ memberExtra: { dishonestCheck: { source: '信用中国' } } });
  });
});
