import type { CenterConfig } from './types';

const SEED = '003_e326aac3299acd42.txt';

export const YINCHUAN: CenterConfig = {
  id: 'yinchuan',
  name: '银川市公积金管理中心',
  shortName: '银川',
  hotline: '0951-12329',
  address: '西夏区文萃路51号',
  hours: '周一至周五 9:00-17:00',
  website: 'https://gjj.yinchuan.gov.cn/',
  accountPrefix: '6401',
  districts: ['兴庆区', '金凤区', '西夏区', '永宁县', '贺兰县', '灵武市'],
  branches: [
    {
      code: 'YC00',
      name: '银川市公积金管理中心',
      address: '西夏区文萃路51号',
      hours: '周一至周五 9:00-17:00',
      phone: '0951-12329',
    },
  ],
  contributionLimits: [
    {
      year: '2021年度',
      effectiveFrom: '2021-07-01',
      ratioMinPercent: '5',
      ratioMaxPercent: '12',
      ratioWholeNumbers: false,
      baseUpperFen: 2544300,
      baseLowerFen: {
        default: 195000,
        byDistrict: { 兴庆区: 195000, 金凤区: 195000, 西夏区: 195000, 永宁县: 184000, 贺兰县: 184000, 灵武市: 184000 },
      },
      source: [
        { file: SEED, clause: '2021年度银川单位和职工公积金缴存比例最低不低于5%,最高不超过12%' },
        { file: SEED, clause: '2021年度银川市职工住房公积金最高月缴存基数上限调整为25443元' },
        {
          file: SEED,
          clause:
            '一类区银川市兴庆区、金凤区、西夏区为1950元,二类区银川市永宁县、贺兰县、灵武市为1840元',
        },
      ],
    },
  ],
  contributionRounding: 'yuan',
  forms: { withdrawalVoucher: '银川住房公积金转账支取凭证', loanApproval: '银川住房公积金贷款审批书' },
};
