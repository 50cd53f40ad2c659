/**
 * 乌鲁木齐 withdrawals other than buying or building: loan repayment, rent, retirement, death, termination of
 * employment, emigration, elevator installation and wall insulation.
 */
import { addMonths, addYears, yearOf } from '../dates';
import { birthAndSex, sumWithdrawn, withdrawalsOf, yuan } from '../facts';
import { FLAG_INHERITANCE_NOTARY_WAIVED, FLAG_RETIREMENT_AGE_REACHED } from '../materialConditions';
import { failed, notApplicable, passed, type WithdrawalCtx, type WithdrawalRule } from '../rule';
import { UQ, type RetirementAgeRow } from './params';
import { uq } from './source';

function unpaidLoans(ctx: WithdrawalCtx, localOnly: boolean) {
  const people = [ctx.input.member, ctx.input.maritalStatus === 'married' ? ctx.input.spouse : undefined];
  return people.flatMap((p) => (p ? p.loans.filter((l) => l.status === 'unpaid' && (!localOnly || !l.remote)) : []));
}

export const repaymentCap: WithdrawalRule = {
  id: 'uq.wd.repay.cap',
  kind: 'withdrawal',
  caseIds: ['repayment'],
  title: '还贷提取金额不超过需偿还的住房贷款本息',
  category: 'amount',
  source: uq('2、偿还住房贷款本息的:提取金额不得超过需偿还的住房贷款本息;'),
  params: [],
  check(ctx) {
    const r = ctx.input.repayment;
    if (!r) return failed('未填写还贷信息');
    if (r.outstandingFen === undefined) return failed('未填写尚需偿还的贷款本息');
    if (r.outstandingFen <= 0) return failed('贷款已无需偿还的本息');
    return passed(`借款合同${r.loanContractNo}尚需偿还本息${yuan(r.outstandingFen)}`, { cap: { label: '需偿还的贷款本息', amountFen: r.outstandingFen } });
  },
};

export const rentNoLoan: WithdrawalRule = {
  id: 'uq.wd.rent.noUnpaidLoan',
  kind: 'withdrawal',
  caseIds: ['rent'],
  title: '本人及配偶名下无本中心未结清的公积金贷款',
  category: 'condition',
  source: uq('1、缴存职工本人及配偶名下无本中心未结清的住房公积金贷款。'),
  params: [],
  check(ctx) {
    const u = unpaidLoans(ctx, true);
    if (u.length > 0) return failed(`本人或配偶名下有本中心未结清的住房公积金贷款（${u.map((l) => l.loanId).join('、')}）`);
    return passed('本人及配偶名下无本中心未结清的住房公积金贷款');
  },
};

export const rentNoHome: WithdrawalRule = {
  id: 'uq.wd.rent.noHome',
  kind: 'withdrawal',
  caseIds: ['rent'],
  title: '本人及配偶在缴存城市无自有住房（无房证明一个月内有效）',
  category: 'condition',
  source: uq('2、本人及配偶在住房公积金缴存城市无自有住房。'),
  note: '无房证明有效期1个月：出具日一个月后的对应日当日仍有效。',
  params: [UQ.wdNoHomeCertMonths],
  check(ctx) {
    const r = ctx.input.rent;
    if (!r || r.ownsHomeInCity === undefined) return failed('未填写本人及配偶在缴存城市有无自有住房');
    if (r.ownsHomeInCity) return failed('本人或配偶在缴存城市有自有住房');
    if (!r.noHomeCertDate) return failed('未填写无房证明出具日期');
    const until = addMonths(r.noHomeCertDate, ctx.p<number>(UQ.wdNoHomeCertMonths));
    if (ctx.date > until) return failed(`无房证明${r.noHomeCertDate}出具，有效期至${until}，已失效`);
    return passed(`在缴存城市无自有住房，无房证明${r.noHomeCertDate}出具，有效期至${until}`);
  },
};

export const rentSpouseNoHomeCert: WithdrawalRule = {
  id: 'uq.wd.rent.spouseNoHomeCert',
  kind: 'withdrawal',
  caseIds: ['rent'],
  title: '已婚的，配偶无房证明一个月内有效',
  category: 'condition',
  source: uq('2、已婚职工配偶需提供身份证、婚姻关系证明、无房证明[有效期1个月]'),
  note: '与申请人本人的无房证明同一有效期（参数 uq.wd.noHomeCertMonths）：出具日一个月后的对应日当日仍有效。',
  params: [UQ.wdNoHomeCertMonths],
  check(ctx) {
    if (ctx.input.maritalStatus !== 'married') return notApplicable('婚姻状况不是已婚');
    const d = ctx.input.rent?.spouseNoHomeCertDate;
    if (!d) return failed('未填写配偶无房证明出具日期');
    const until = addMonths(d, ctx.p<number>(UQ.wdNoHomeCertMonths));
    if (ctx.date > until) return failed(`配偶无房证明${d}出具，有效期至${until}，已失效`);
    return passed(`配偶无房证明${d}出具，有效期至${until}`);
  },
};

export const rentGenuine: WithdrawalRule = {
  id: 'uq.wd.rent.genuine',
  kind: 'withdrawal',
  caseIds: ['rent'],
  title: '存在真实的租房行为',
  category: 'condition',
  source: uq('3、存在真实的租房行为。'),
  params: [],
  check: (ctx) => (ctx.input.rent?.genuine ? passed('经核实存在真实的租房行为') : failed('未核实存在真实的租房行为')),
};

export const rentContract: WithdrawalRule = {
  id: 'uq.wd.rent.contract1y',
  kind: 'withdrawal',
  caseIds: ['rent'],
  title: '《房屋租赁合同》签订日期在1年内',
  category: 'time_limit',
  source: uq('4、《房屋租赁合同》签订日期在1年内。'),
  note: '申请日不晚于签订日1年后的对应日。',
  params: [UQ.wdRentContractYears],
  check(ctx) {
    const d = ctx.input.rent?.contractDate;
    if (!d) return failed('未填写《房屋租赁合同》签订日期');
    const until = addYears(d, ctx.p<number>(UQ.wdRentContractYears));
    if (ctx.date > until || ctx.date < d) return failed(`租赁合同${d}签订，有效至${until}，申请日${ctx.date}不在1年内`);
    return passed(`租赁合同${d}签订，在1年内（至${until}）`);
  },
};

export const rentCap: WithdrawalRule = {
  id: 'uq.wd.rent.capYear',
  kind: 'withdrawal',
  caseIds: ['rent'],
  title: '租房提取金额不超过当年应支付的房租额',
  category: 'amount',
  source: uq('3、被纳入本市城镇居民最低生活保障范围或无房职工房租超出家庭工资收入规定比例的职工需支付房租的:提取金额不得超过当年应支付的房租额;'),
  note: '“当年”按申请日所在公历年度，扣除职工和配偶当年已办理的租房提取。该条所说“规定比例”原文未给出数值，租房提取条件以“1、租房提取”所列为准，不另设收入比例。',
  params: [],
  check(ctx) {
    const r = ctx.input.rent;
    if (!r) return failed('未填写租房信息');
    const year = yearOf(ctx.date);
    const prior = sumWithdrawn(withdrawalsOf([ctx.input.member, ctx.input.spouse], (w) => w.caseId === 'rent' && yearOf(w.date) === year));
    const room = r.annualRentFen - prior;
    if (room <= 0) return failed(`${year}年应付房租${yuan(r.annualRentFen)}，已提取${yuan(prior)}，本年度不能再提取`);
    return passed(`${year}年应付房租${yuan(r.annualRentFen)}，已提取${yuan(prior)}，本次最多${yuan(room)}`, {
      cap: { label: '当年应支付的房租额减已提取', amountFen: room },
    });
  },
};

/** The date the member reaches the statutory retirement age, from the age table, or null when unknown. */
export function retirementDate(rows: readonly RetirementAgeRow[], birthDate: string, sex: 'M' | 'F'): string | null {
  const row = rows.find(
    (r) => r.sex === sex && (r.bornFrom === undefined || birthDate >= r.bornFrom) && (r.bornUntil === undefined || birthDate <= r.bornUntil),
  );
  return row ? addMonths(birthDate, row.years * 12 + row.months) : null;
}

export const retirementAge: WithdrawalRule = {
  id: 'uq.wd.retirement.age',
  kind: 'withdrawal',
  caseIds: ['retirement'],
  title: '已到法定退休年龄（男满60周岁、女满55周岁）或持退休证件',
  category: 'condition',
  source: uq('3、已到法定退休年龄(男满60周岁,女满55周岁)的职工提供身份证即可办理。'),
  note: '年龄按身份证号码的出生日期和性别计算，生日当日即为“满”；未到年龄的凭《退休证》或《职工退休审批表》办理。年龄表为参数 uq.wd.retirement.ages。',
  params: [UQ.wdRetirementAges],
  check(ctx) {
    const b = birthAndSex(ctx.input.member);
    if (b) {
      const at = retirementDate(ctx.p<RetirementAgeRow[]>(UQ.wdRetirementAges), b.birthDate, b.sex);
      if (at && ctx.date >= at) {
        return passed(`${b.sex === 'M' ? '男' : '女'}，${b.birthDate}出生，${at}已到法定退休年龄，凭身份证即可办理`, {
          flags: [FLAG_RETIREMENT_AGE_REACHED],
        });
      }
      if (ctx.input.situation.retirementProof) return passed(`${at ? `至${at}方到法定退休年龄，` : ''}持《退休证》或《职工退休审批表》`);
      return failed(`${b.sex === 'M' ? '男' : '女'}，${b.birthDate}出生，${at ? `至${at}方到法定退休年龄` : '年龄表无适用行'}，且未提供退休证件`);
    }
    if (ctx.input.situation.retirementProof) return passed('持《退休证》或《职工退休审批表》');
    return failed('缺少身份证号码或出生日期、性别，且未提供退休证件');
  },
};

export const deathHeirs: WithdrawalRule = {
  id: 'uq.wd.death.heirs',
  kind: 'withdrawal',
  caseIds: ['death'],
  title: '职工死亡或被宣告死亡，由继承人凭死亡证明提取',
  category: 'condition',
  source: uq('(五)职工死亡、被宣告死亡;'),
  note: '原文列继承人；受遗赠人依《住房公积金管理条例》第二十四条同样可以提取。',
  params: [],
  check(ctx) {
    const d = ctx.input.death;
    if (!d) return failed('未填写死亡（宣告死亡）日期');
    const role = ctx.input.applicant.role;
    if (role !== 'heir' && role !== 'legatee') return failed('死亡提取须由继承人（或受遗赠人）办理');
    return passed(`职工于${d.deathDate}死亡（宣告死亡），由${role === 'heir' ? '继承人' : '受遗赠人'}提取`);
  },
};

export const deathNotary: WithdrawalRule = {
  id: 'uq.wd.death.notary1000',
  kind: 'withdrawal',
  caseIds: ['death'],
  title: '继承公证书；余额少于一千元的书面承诺后可免',
  category: 'condition',
  source: uq('2、职工公积金余额少于壹仟元的,法定继承人做出书面承诺后,可不提供继承公证书。'),
  note: '“少于壹仟元”不含本数：恰为1000.00元须提供继承公证书（或法院判决书、调解书）。',
  params: [UQ.wdDeathNoNotaryBelow],
  check(ctx) {
    const d = ctx.input.death;
    if (!d) return failed('未填写死亡提取信息');
    const limit = ctx.p<number>(UQ.wdDeathNoNotaryBelow);
    const bal = ctx.input.member.balanceFen;
    if (d.notarizedInheritance || d.courtDocument) return passed(`有${d.notarizedInheritance ? '继承公证书' : '法院判决书（调解书）'}`);
    if (bal < limit && d.writtenPromise) {
      return passed(`余额${yuan(bal)}少于${yuan(limit)}，法定继承人已作书面承诺，可不提供继承公证书`, { flags: [FLAG_INHERITANCE_NOTARY_WAIVED] });
    }
    if (bal < limit) return failed(`余额${yuan(bal)}少于${yuan(limit)}，须法定继承人作出书面承诺或提供继承公证书`);
    return failed(`余额${yuan(bal)}不少于${yuan(limit)}，须提供继承公证书或法院判决书（调解书）`);
  },
};

export const deathHeirsPresent: WithdrawalRule = {
  id: 'uq.wd.death.multiHeirs',
  kind: 'withdrawal',
  caseIds: ['death'],
  title: '多个继承人不能同时到场的，委托公证或逐个提取并放弃利息',
  category: 'condition',
  source: uq('因特殊原因多个继承人无法同时到场的可逐个提取,提取人需签署放弃利息的声明,利息归最后一个继承人所有。'),
  params: [],
  check(ctx) {
    const d = ctx.input.death;
    if (!d || d.heirsPresent >= d.heirCount) return notApplicable('继承人均到场');
    if (d.proxyNotarized) return passed(`${d.heirCount}个继承人中${d.heirsPresent}人到场，有委托提取公证书`);
    return passed(`${d.heirCount}个继承人中${d.heirsPresent}人到场，逐个提取`, {
      post: [{ kind: 'waive_interest', text: '逐个提取：提取人签署放弃利息的声明，利息归最后一个继承人所有' }],
    });
  },
};

export const terminationNoLoan: WithdrawalRule = {
  id: 'uq.wd.termination.noUnpaidLoan',
  kind: 'withdrawal',
  caseIds: ['termination'],
  title: '提取人及配偶名下无本中心未结清的公积金贷款',
  category: 'condition',
  source: uq('1、提取人及其配偶名下无本中心未结清的住房公积金贷款'),
  params: [],
  check(ctx) {
    const u = unpaidLoans(ctx, true);
    if (u.length > 0) return failed(`提取人或配偶名下有本中心未结清的住房公积金贷款（${u.map((l) => l.loanId).join('、')}）`);
    return passed('提取人及配偶名下无本中心未结清的住房公积金贷款');
  },
};

export const terminationSealed: WithdrawalRule = {
  id: 'uq.wd.termination.sealed6m',
  kind: 'withdrawal',
  caseIds: ['termination'],
  title: '账户封存满半年且无新单位继续缴存',
  category: 'time_limit',
  source: uq('2、提取人住房公积金账户封存满半年且无新单位继续缴存'),
  note: '“满半年”按封存日6个月后的对应日当日起。',
  params: [UQ.wdSealedMonths],
  check(ctx) {
    const m = ctx.input.member;
    if (m.accountStatus !== '封存') return failed(`账户状态为${m.accountStatus}，不是封存`);
    if (!m.sealedSince) return failed('未填写封存日期');
    if (ctx.input.situation.newEmployer) return failed('已在新单位继续缴存');
    const n = ctx.p<number>(UQ.wdSealedMonths);
    const from = addMonths(m.sealedSince, n);
    if (ctx.date < from) return failed(`${m.sealedSince}封存，至${from}方满${n}个月`);
    return passed(`${m.sealedSince}封存，已满${n}个月，无新单位继续缴存`);
  },
};

export const terminationProof: WithdrawalRule = {
  id: 'uq.wd.termination.proof',
  kind: 'withdrawal',
  caseIds: ['termination'],
  title: '与单位终止劳动关系',
  category: 'condition',
  source: uq('2、《解除劳动关系证明》或行政事业单位的任免文件'),
  params: [],
  check: (ctx) =>
    ctx.input.situation.laborRelationEnded
      ? passed('有《解除劳动关系证明》或任免文件')
      : failed('未提供《解除劳动关系证明》或行政事业单位的任免文件'),
};

export const emigration: WithdrawalRule = {
  id: 'uq.wd.emigration',
  kind: 'withdrawal',
  caseIds: ['emigration'],
  title: '出境定居',
  category: 'condition',
  source: uq('(七)出境定居;'),
  params: [],
  check: (ctx) => (ctx.input.situation.emigrated ? passed('出境定居') : failed('未出境定居')),
};

export const elevatorNoLoan: WithdrawalRule = {
  id: 'uq.wd.elevator.noUnpaidLoan',
  kind: 'withdrawal',
  caseIds: ['elevator'],
  title: '申请人及配偶不存在未结清的公积金贷款',
  category: 'condition',
  source: uq('申请人及配偶不存在未结清的住房公积金贷款'),
  note: '原文未限于本中心，异地未结清贷款同样不符合。',
  params: [],
  check(ctx) {
    const u = unpaidLoans(ctx, false);
    if (u.length > 0) return failed(`申请人或配偶有未结清的住房公积金贷款（${u.map((l) => l.loanId).join('、')}）`);
    return passed('申请人及配偶不存在未结清的住房公积金贷款');
  },
};

export const elevatorDone: WithdrawalRule = {
  id: 'uq.wd.elevator.completedPaid',
  kind: 'withdrawal',
  caseIds: ['elevator'],
  title: '加装电梯已竣工验收且业主已支付建设资金',
  category: 'condition',
  source: uq('既有住宅加装电梯项目已竣工验收且业主已支付加装电梯建设资金。'),
  params: [],
  check(ctx) {
    const e = ctx.input.elevator;
    if (!e?.acceptanceDate) return failed('加装电梯项目尚未竣工验收（未填写验收日期）');
    if (!e.paid) return failed('业主尚未支付加装电梯建设资金');
    return passed(`${e.acceptanceDate}竣工验收，业主已支付建设资金`);
  },
};

export const elevatorWithin2y: WithdrawalRule = {
  id: 'uq.wd.elevator.within2y',
  kind: 'withdrawal',
  caseIds: ['elevator'],
  title: '自竣工验收后两年内申请',
  category: 'time_limit',
  source: uq('自加装电梯竣工验收后两年内可申请提取一次住房公积金。'),
  params: [UQ.wdElevatorYears],
  check(ctx) {
    const d = ctx.input.elevator?.acceptanceDate;
    if (!d) return failed('未填写加装电梯竣工验收日期');
    const until = addYears(d, ctx.p<number>(UQ.wdElevatorYears));
    if (ctx.date < d || ctx.date > until) return failed(`${d}竣工验收，可申请至${until}，申请日${ctx.date}不在期限内`);
    return passed(`${d}竣工验收，可申请至${until}`);
  },
};

export const elevatorOnce: WithdrawalRule = {
  id: 'uq.wd.elevator.once',
  kind: 'withdrawal',
  caseIds: ['elevator'],
  title: '加装电梯只可提取一次',
  category: 'condition',
  source: uq('自加装电梯竣工验收后两年内可申请提取一次住房公积金。'),
  note: '一次指职工及配偶就同一住房的加装电梯提取合计一次。',
  params: [UQ.wdElevatorTimes],
  check(ctx) {
    const times = ctx.p<number>(UQ.wdElevatorTimes);
    const ref = ctx.input.house?.houseId;
    const prior = withdrawalsOf([ctx.input.member, ctx.input.spouse], (w) => w.caseId === 'elevator' && (ref === undefined || w.ref === ref));
    if (prior.length >= times) return failed(`已于${prior.map((w) => w.date).join('、')}办理加装电梯提取，只可提取${times}次`);
    return passed('未办理过加装电梯提取');
  },
};

export const elevatorShare: WithdrawalRule = {
  id: 'uq.wd.elevator.capShare',
  kind: 'withdrawal',
  caseIds: ['elevator'],
  title: '本人及配偶提取总额不超过个人实际出资金额',
  category: 'amount',
  source: uq('职工本人及配偶提取的住房公积金总额不得超过既有住宅加装电梯费用中个人实际出资金额。'),
  params: [],
  check(ctx) {
    const e = ctx.input.elevator;
    if (!e) return failed('未填写加装电梯个人实际出资金额');
    if (e.ownerShareFen <= 0) return failed('个人实际出资金额为0');
    return passed(`个人实际出资${yuan(e.ownerShareFen)}，本人及配偶合计提取以此为限`, { cap: { label: '个人实际出资金额', amountFen: e.ownerShareFen } });
  },
};

export const insulationApproved: WithdrawalRule = {
  id: 'uq.wd.insulation.approved',
  kind: 'withdrawal',
  caseIds: ['insulation'],
  title: '经批准且符合节能减排住宅墙体保温项目标准',
  category: 'condition',
  source: uq('5、经相关部门批准且符合实施节能减排住宅墙体保温项目标准,允许提取本人的住房公积金支付其承担部分的费用'),
  params: [],
  check: (ctx) =>
    ctx.input.insulation?.approved ? passed('经相关部门批准且符合墙体保温项目标准') : failed('未经相关部门批准或不符合节能减排住宅墙体保温项目标准'),
};

export const insulationCap: WithdrawalRule = {
  id: 'uq.wd.insulation.capCost',
  kind: 'withdrawal',
  caseIds: ['insulation'],
  title: '墙体保温提取不超过个人应支付的费用',
  category: 'amount',
  source: uq('提取金额不得超过个人应支付的费用。'),
  params: [],
  check(ctx) {
    const i = ctx.input.insulation;
    if (!i) return failed('未填写个人应支付的费用');
    if (i.personalCostFen <= 0) return failed('个人应支付的费用为0');
    return passed(`个人应支付费用${yuan(i.personalCostFen)}`, { cap: { label: '个人应支付的费用', amountFen: i.personalCostFen } });
  },
};
