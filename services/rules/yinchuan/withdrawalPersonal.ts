/**
 * 银川 非房屋类 withdrawals: loan repayment and rent (partial, capped), and the personal circumstances
 * (retirement, incapacity, emigration, 低保, disaster, migrant workers, unemployment, illness, sentence, death).
 */
import { floorToUnit, fenToYuan } from '../../../shared/money';
import { addMonths, addYears, yearOf } from '../dates';
import { sumWithdrawn, withdrawalsOf, yuan, yuanExact } from '../facts';
import { failed, notApplicable, passed, type CheckResult, type WithdrawalRule } from '../rule';
import { YC } from './params';
import { yc } from './source';

export const repayContractTotal: WithdrawalRule = {
  id: 'yc.wd.repay.contractTotal',
  kind: 'withdrawal',
  caseIds: ['repayment'],
  title: '还贷累计提取不超过合同载明的贷款本息总额',
  category: 'amount',
  source: yc('1、偿还住房公积金贷款的,还贷(包括住房公积金贷款、商业银行住房贷款)累计提取公积金金额应不超过合同载明的贷款本息总额。'),
  note: '累计额按职工和配偶为同一借款合同（以合同编号关联）已办理的还贷提取合计。',
  params: [],
  check(ctx) {
    const r = ctx.input.repayment;
    if (!r) return failed('未填写还贷信息');
    if (r.contractTotalFen === undefined) return failed('未填写合同载明的贷款本息总额');
    const prior = sumWithdrawn(
      withdrawalsOf([ctx.input.member, ctx.input.spouse], (w) => w.caseId === 'repayment' && w.ref === r.loanContractNo),
    );
    const room = r.contractTotalFen - prior;
    if (room <= 0) return failed(`合同${r.loanContractNo}本息总额${yuan(r.contractTotalFen)}，累计已提取${yuan(prior)}，已达上限`);
    return passed(`合同${r.loanContractNo}本息总额${yuan(r.contractTotalFen)}，累计已提取${yuan(prior)}，本次最多${yuan(room)}`, {
      cap: { label: '合同本息总额减累计还贷提取', amountFen: room },
    });
  },
};

export const repayPrepaid: WithdrawalRule = {
  id: 'yc.wd.repay.prepay',
  kind: 'withdrawal',
  caseIds: ['repayment'],
  title: '提前一次性还清贷款的提取额不超过归还的本息余额',
  category: 'amount',
  source: yc('5、职工提前一次性还清住房贷款(还款时未使用住房公积金)的,提取额不得超过一次性归还贷款的本息余额。'),
  params: [],
  check(ctx) {
    const r = ctx.input.repayment;
    if (!r?.prepaidInFull) return notApplicable('不是提前一次性还清贷款');
    if (r.usedPfAtPrepay) return failed('提前还清贷款时已使用住房公积金，不能再按提前还清提取');
    if (r.prepaidFen === undefined) return failed('未填写一次性归还的本息余额');
    return passed(`一次性归还本息余额${yuan(r.prepaidFen)}，提取额以此为限`, { cap: { label: '一次性归还的本息余额', amountFen: r.prepaidFen } });
  },
};

export const rentOver15: WithdrawalRule = {
  id: 'yc.wd.rent.over15',
  kind: 'withdrawal',
  caseIds: ['rent'],
  title: '房租支出超出家庭工资收入15%',
  category: 'condition',
  source: yc('5、房租支出超出家庭工资收入15%的。'),
  note: '比较全年房租与家庭年工资收入；恰为15%不算“超出”。材料写明“公有住房的租赁合同”，租住私房的由柜台按材料审核。',
  params: [YC.wdRentIncomePercent],
  check(ctx) {
    const r = ctx.input.rent;
    if (!r) return failed('未填写租房信息');
    if (r.familyAnnualIncomeFen === undefined) return failed('未填写家庭年工资收入');
    const percent = ctx.p<string>(YC.wdRentIncomePercent);
    const threshold = fenToYuan(r.familyAnnualIncomeFen).times(percent).dividedBy(100);
    const rent = fenToYuan(r.annualRentFen);
    if (rent.lessThanOrEqualTo(threshold)) {
      return failed(`年房租${yuan(r.annualRentFen)}未超出家庭年工资收入${yuan(r.familyAnnualIncomeFen)}的${percent}%（${yuanExact(threshold)}）`);
    }
    return passed(`年房租${yuan(r.annualRentFen)}超出家庭年工资收入${yuan(r.familyAnnualIncomeFen)}的${percent}%（${yuanExact(threshold)}）`);
  },
};

export const rentCap15: WithdrawalRule = {
  id: 'yc.wd.rent.cap15',
  kind: 'withdrawal',
  caseIds: ['rent'],
  title: '年提取总额不高于年房租超出家庭年工资收入15%的部分',
  category: 'amount',
  source: yc('2、职工房租支出超出家庭工资收入15%提取住房公积金的,年提取总额不应高于年房租总额超出家庭年工资收入15%以上的部分。'),
  note: '“年”按申请日所在公历年度计算，扣除职工和配偶当年已办理的租房提取。',
  params: [YC.wdRentIncomePercent],
  check(ctx) {
    const r = ctx.input.rent;
    if (!r || r.familyAnnualIncomeFen === undefined) return failed('未填写年房租或家庭年工资收入');
    const percent = ctx.p<string>(YC.wdRentIncomePercent);
    const excess = floorToUnit(fenToYuan(r.annualRentFen).minus(fenToYuan(r.familyAnnualIncomeFen).times(percent).dividedBy(100)), 'fen');
    const year = yearOf(ctx.date);
    const prior = sumWithdrawn(
      withdrawalsOf([ctx.input.member, ctx.input.spouse], (w) => w.caseId === 'rent' && yearOf(w.date) === year),
    );
    const room = excess - prior;
    if (room <= 0) {
      return failed(`超出${percent}%的部分为${yuan(Math.max(excess, 0))}，${year}年已提取${yuan(prior)}，本年度不能再提取`);
    }
    return passed(`年房租超出家庭年工资收入${percent}%的部分为${yuan(excess)}，${year}年已提取${yuan(prior)}，本次最多${yuan(room)}`, {
      cap: { label: `年房租超出家庭收入${percent}%部分减本年已提取`, amountFen: room },
    });
  },
};

const fact = (ok: boolean, yes: string, no: string): CheckResult => (ok ? passed(yes) : failed(no));

export const retirement: WithdrawalRule = {
  id: 'yc.wd.retirement',
  kind: 'withdrawal',
  caseIds: ['retirement'],
  title: '离休、退休',
  category: 'condition',
  source: yc('提供本人退休证明或劳动人事部门出具的相关证明'),
  note: '银川原文以退休证明为准，不以年龄代替（与乌鲁木齐不同）。',
  params: [],
  check: (ctx) => fact(ctx.input.situation.retirementProof, '持本人退休证明', '未提供本人退休证明或劳动人事部门出具的相关证明'),
};

export const incapacity: WithdrawalRule = {
  id: 'yc.wd.incapacity',
  kind: 'withdrawal',
  caseIds: ['incapacity'],
  title: '完全丧失劳动能力并与单位终止劳动关系',
  category: 'condition',
  source: yc('2、完全丧失劳动能力,并与单位终止劳动关系的。'),
  params: [],
  check: (ctx) => {
    const s = ctx.input.situation;
    if (!s.incapacitated) return failed('未经鉴定为完全丧失劳动能力');
    return fact(s.laborRelationEnded, '完全丧失劳动能力，已与单位终止劳动关系', '尚未与单位终止劳动关系');
  },
};

export const emigration: WithdrawalRule = {
  id: 'yc.wd.emigration',
  kind: 'withdrawal',
  caseIds: ['emigration'],
  title: '出境定居或户口迁出本市',
  category: 'condition',
  source: yc('出境定居的须提供户籍注销证明或出境定居的证明,户口迁出本市的须提供转入地户籍证明和解除劳动关系证明'),
  note: '户口迁出本市的，须同时解除劳动关系（原文要求提供解除劳动关系证明）。',
  params: [],
  check: (ctx) => {
    const s = ctx.input.situation;
    if (s.emigrated) return passed('出境定居');
    if (s.hukouMovedOut) return fact(s.laborRelationEnded, '户口已迁出本市并已解除劳动关系', '户口迁出本市的须已解除劳动关系');
    return failed('既未出境定居，也未将户口迁出本市');
  },
};

export const dibao: WithdrawalRule = {
  id: 'yc.wd.dibao',
  kind: 'withdrawal',
  caseIds: ['dibao'],
  title: '正在领取城镇最低生活保障金',
  category: 'condition',
  source: yc('6、正在领取城镇最低生活保障金的。'),
  params: [],
  check: (ctx) => fact(ctx.input.situation.receivingDibao, '正在领取城镇最低生活保障金', '未在领取城镇最低生活保障金'),
};

export const disaster: WithdrawalRule = {
  id: 'yc.wd.disaster',
  kind: 'withdrawal',
  caseIds: ['disaster'],
  title: '遭遇意外灾难等突发事件造成家庭生活严重困难',
  category: 'condition',
  source: yc('提供相关部门出具的突发事件鉴定书及造成损失所产生的费用单据或证明,管理中心根据实际情况核实证明材料'),
  params: [],
  check: (ctx) => {
    const s = ctx.input.situation;
    if (!s.disasterAppraisal) return failed('未提供相关部门出具的突发事件鉴定书');
    if (!s.severeHardship) return failed('未造成家庭生活严重困难');
    return passed('有突发事件鉴定书，造成家庭生活严重困难', {
      post: [{ kind: 'verify_materials', text: '管理中心根据实际情况核实突发事件鉴定书及损失费用单据' }],
    });
  },
};

export const migrantWorker: WithdrawalRule = {
  id: 'yc.wd.migrant',
  kind: 'withdrawal',
  caseIds: ['migrantWorker'],
  title: '进城务工人员与单位解除劳动关系',
  category: 'condition',
  source: yc('8、进城务工人员,与单位解除劳动关系的。'),
  params: [],
  check: (ctx) => {
    const s = ctx.input.situation;
    if (!s.migrantWorker) return failed('不是进城务工人员');
    return fact(s.laborRelationEnded, '进城务工人员，已与单位解除劳动关系', '尚未与单位解除劳动关系');
  },
};

export const unemploymentHardship: WithdrawalRule = {
  id: 'yc.wd.unemployment.hardship',
  kind: 'withdrawal',
  caseIds: ['unemployment'],
  title: '下岗、失业未再就业，家庭生活严重困难',
  category: 'condition',
  source: yc('9、职工下岗、失业未再就业,造成家庭生活严重困难的。'),
  params: [],
  check: (ctx) => {
    const s = ctx.input.situation;
    if (!s.unemployedSince) return failed('未填写下岗、失业日期');
    if (s.reemployed) return failed('已再就业');
    if (!s.severeHardship) return failed('未造成家庭生活严重困难');
    return passed(`${s.unemployedSince}起下岗、失业未再就业，家庭生活严重困难`);
  },
};

export const unemploymentTwoYears: WithdrawalRule = {
  id: 'yc.wd.unemployment.twoYears',
  kind: 'withdrawal',
  caseIds: ['unemployment'],
  title: '失业满两年方可全额提取并销户',
  category: 'account',
  source: yc('6、职工下岗、失业满两年未再就业,造成家庭生活严重困难的;'),
  note: '失业未满两年按部分提取（保留至百位）办理；满两年（失业日起两年的对应日当日起）可申请全额提取并销户。',
  params: [YC.wdUnemploymentYears],
  check: (ctx) => {
    if (!ctx.input.closeAccount) return notApplicable('未申请全额提取，按部分提取办理');
    const since = ctx.input.situation.unemployedSince;
    if (!since) return failed('未填写下岗、失业日期');
    const years = ctx.p<number>(YC.wdUnemploymentYears);
    const from = addYears(since, years);
    if (ctx.date < from) return failed(`${since}起失业，至${from}方满${years}年，申请日${ctx.date}不能全额提取`);
    const m = ctx.input.member;
    return passed(`${since}起失业，已满${years}年，全额提取本金${yuan(m.balanceFen)}加利息${yuan(m.accruedInterestFen)}并销户`, {
      closesAccount: true,
      pool: m.accruedInterestFen > 0 ? [{ label: '销户利息', amountFen: m.accruedInterestFen }] : [],
      post: [{ kind: 'close_account', text: '提取本人账户全部存储余额（含利息），注销职工个人住房公积金账户' }],
    });
  },
};

export const medicalRelation: WithdrawalRule = {
  id: 'yc.wd.medical.relation',
  kind: 'withdrawal',
  caseIds: ['medical'],
  title: '职工本人、配偶或直系血亲患重大疾病',
  category: 'condition',
  source: yc('10、职工本人、配偶或直系血亲患重大疾病,且医疗费用支出巨大'),
  params: [],
  check: (ctx) => {
    const m = ctx.input.medical;
    if (!m) return failed('未填写医疗信息');
    if (m.patient === 'other') return failed('患者不是职工本人、配偶或直系血亲');
    if (!m.seriousIllness) return failed('未有市(县)二级以上医院诊断的重大疾病');
    const who = { self: '职工本人', spouse: '配偶', lineal: '直系血亲' }[m.patient];
    return passed(`${who}患重大疾病`);
  },
};

export const medicalOver10k: WithdrawalRule = {
  id: 'yc.wd.medical.over10k',
  kind: 'withdrawal',
  caseIds: ['medical'],
  title: '一年内医疗费用支出超过一万元',
  category: 'condition',
  source: yc('一年内医疗费用支出超过一万元以上的'),
  note: '“一年内”为申请日前12个月（对应日起）至申请日；更早的单据不计入（“时间超过一年的不予办理”）。“超过一万元以上”按超过执行，恰为10000.00元不符合。',
  params: [YC.wdMedicalThreshold, YC.wdMedicalWindowMonths, YC.wdMedicalCapToCosts],
  check: (ctx) => {
    const m = ctx.input.medical;
    if (!m) return failed('未填写医疗费用');
    const from = addMonths(ctx.date, -ctx.p<number>(YC.wdMedicalWindowMonths));
    const inWindow = m.bills.filter((b) => b.date >= from && b.date <= ctx.date);
    const excluded = m.bills.length - inWindow.length;
    const total = inWindow.reduce((t, b) => t + b.amountFen, 0);
    const threshold = ctx.p<number>(YC.wdMedicalThreshold);
    const excludedText = excluded > 0 ? `（另有${excluded}张单据不在${from}至${ctx.date}之间，不计入）` : '';
    if (total <= threshold) return failed(`${from}至${ctx.date}医疗费用${yuan(total)}，未超过${yuan(threshold)}${excludedText}`);
    const capToCosts = ctx.p<boolean>(YC.wdMedicalCapToCosts);
    return passed(
      `${from}至${ctx.date}医疗费用${yuan(total)}，超过${yuan(threshold)}${excludedText}`,
      capToCosts ? { cap: { label: '一年内医疗费用', amountFen: total } } : {},
    );
  },
};

export const sentenced: WithdrawalRule = {
  id: 'yc.wd.sentenced',
  kind: 'withdrawal',
  caseIds: ['sentenced'],
  title: '在职期间触犯刑律被判刑并与单位解除劳动关系',
  category: 'condition',
  source: yc('11、职工在职期间触犯刑律被判刑并与单位解除劳动关系的。'),
  params: [],
  check: (ctx) => {
    const s = ctx.input.situation;
    if (!s.sentenced) return failed('无在职期间被判刑的判决书');
    return fact(s.laborRelationEnded, '在职期间被判刑，已与单位解除劳动关系', '尚未与单位解除劳动关系');
  },
};

export const deathHeir: WithdrawalRule = {
  id: 'yc.wd.death.heir',
  kind: 'withdrawal',
  caseIds: ['death'],
  title: '职工死亡或被宣告死亡，由继承人或受遗赠人提取',
  category: 'condition',
  source: yc('8、职工死亡或被宣告死亡的,职工的继承人、受遗赠人可以提取职工住房公积金帐户内的存储余额。'),
  params: [],
  check: (ctx) => {
    const d = ctx.input.death;
    if (!d) return failed('未填写死亡（宣告死亡）日期');
    const role = ctx.input.applicant.role;
    if (role !== 'heir' && role !== 'legatee') return failed('须由职工的合法继承人或受遗赠人办理');
    return passed(`职工于${d.deathDate}死亡（宣告死亡），由${role === 'heir' ? '继承人' : '受遗赠人'}提取`);
  },
};
