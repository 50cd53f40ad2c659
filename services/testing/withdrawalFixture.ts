/**
 * What the withdrawal tests fill in at intake: a single member's rent facts that pass 银川's 租房提取 on 2026-06-15
 * (rent 36,000.00 a year against a family income of 100,000.00, a registered public-housing lease), and the
 * member's own debit card as payee.
 */
export const RENT_FACTS = { maritalStatus: 'single', rent: { annualRentFen: 3_600_000, familyAnnualIncomeFen: 10_000_000, contractDate: '2026-05-01', publicHousing: true } };

export const ownPayee = (name: string) => ({ kind: 'own' as const, cardType: 'debit' as const, bankName: '中国建设银行', accountNo: '6217000010012345678', accountName: name });
