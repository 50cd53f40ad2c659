import type { Branch, CenterConfig } from './types';

const SEED = '004_5b427291c04fb79d.txt';
const HOURS = '周一至周五，上午10:30—14:00，下午15:30—18:00';

// The 11 管理部/分中心 as 004_5b427291c04fb79d.txt lists them (the main center first).
const BRANCHES: Branch[] = [
  { code: 'WQ00', name: '乌鲁木齐住房公积金管理中心', address: '乌鲁木齐新民西街167号(水区税务局对面,临近逸夫小学)', hours: HOURS, phone: '12329' },
  { code: 'WQ01', name: '水磨沟区管理部、乌鲁木齐县管理部', address: '乌鲁木齐龙盛街益民大厦政务服务中心三楼C区', hours: HOURS, phone: '4184436', head: '黄勇' },
  { code: 'WQ02', name: '米东区管理部', address: '乌鲁木齐石化总厂三区', hours: HOURS, phone: '3301422', head: '徐志峰' },
  { code: 'WQ03', name: '经济技术开发区(头屯河区)管理部', address: '维泰大厦政务服务大厅二楼', hours: HOURS, phone: '3713830', head: '布尔曼' },
  { code: 'WQ04', name: '高新技术开发区(新市区)管理部', address: '高新技术开发区(新市区)河南西路204号中国建设银行河南路支行8楼', hours: HOURS, phone: '3859787', head: '林珊' },
  { code: 'WQ05', name: '沙依巴克区管理部', address: '沙依巴克区黄河路88号(汉庭酒店黄河路店对面,临近黄河路中医院)', hours: HOURS, phone: '4660806', head: '郑朝阳' },
  { code: 'WQ06', name: '天山区管理部、达坂城区管理部', address: '天山区光明路276号E阳臻品三楼(新疆教育学院斜对面、临近人保大夏)', hours: HOURS, phone: '2827379', head: '容毅' },
  { code: 'WQ07', name: '自治区机关事业单位分中心', address: '昆仑东街318号宝盈大厦4楼', hours: HOURS, phone: '8858010', head: '刘文田' },
  { code: 'WQ08', name: '铁路局分中心', address: '乌鲁木齐铁路局北纬三街七星阁门面(六十八中对面)', hours: HOURS, phone: '3827768', head: '周海龙' },
  { code: 'WQ09', name: '哈密管理部(铁路)', address: '哈密市前进东路建行铁路支行3楼', hours: '周一至周五，上午09:30—13:00，下午16:00—18:30', phone: '0902-7123081', head: '提征' },
  { code: 'WQ10', name: '库尔勒管理部(铁路)', address: '库尔勒市梨香辖区生活路南铁体育馆旁', hours: HOURS, phone: '', head: '吴相娟' },
];

export const URUMQI: CenterConfig = {
  id: 'urumqi',
  name: '乌鲁木齐住房公积金管理中心',
  shortName: '乌鲁木齐',
  hotline: '12329',
  address: '乌鲁木齐新民西街167号',
  hours: HOURS,
  website: 'https://www.xinjianggjj.com',
  // 004 网上查询 / 查询电话 (quoted as the seed writes them).
  selfService: {
    online: ['乌鲁木齐住房公积金网上查询系统：https://www.xinjianggjj.com/wlmqgjj/', '“手机公积金”APP'],
    scope: '可以查询个人公积金贷款情况及个人账户余额，缴纳明细。',
    hotline: {
      number: '12329',
      hours: '全天（除人工咨询服务）',
      items: ['个人贷款业务：个人贷款业务咨询及办理指南', '个人公积金账户：账户余额', '人工咨询：公积金业务咨询、投诉建议、公积金业务指南、办理网点查询'],
    },
  },
  accountPrefix: '6501',
  districts: ['天山区', '沙依巴克区', '新市区', '水磨沟区', '头屯河区', '达坂城区', '米东区', '乌鲁木齐县'],
  branches: BRANCHES,
  contributionLimits: [
    {
      year: '2021年度',
      effectiveFrom: '2021-07-01',
      ratioMinPercent: '5',
      ratioMaxPercent: '12',
      ratioWholeNumbers: true,
      baseUpperFen: 2430600,
      baseLowerFen: { default: 170000 },
      source: [
        { file: SEED, clause: '2021年度职工本人和单位住房公积金缴存比例仍为各5%至12%(取整数值)' },
        { file: SEED, clause: '2021年度住房公积金缴存月工资基数上限为24306元' },
        { file: SEED, clause: '2021年度住房公积金缴存月工资基数下限为1700元' },
      ],
    },
  ],
  contributionRounding: 'yuan',
  forms: { withdrawalVoucher: '申请支取住房公积金审批表', loanApproval: '住房公积金贷款审批表' },
};
