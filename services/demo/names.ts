/** Word lists for synthetic but realistic demo data (Chinese names, employer names, districts' region codes). */
export const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤'.split('');
export const GIVEN = '伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华玉萍红梅鑫波斌宇浩凯健俊帆帅旭宁婷雪琳晨辉鹏飞建国海燕雯倩瑶欣怡子涵梓轩一诺嘉怡佳琪雨桐浩然博文思远志强晓东春燕秋菊冬梅德福文斌国庆永红'.split('');
export const ODD_CHARS = ['堃', '喆', '燊', '昇', '玥', '婧', '珺', '翀'];

export const COMPANY_PREFIX = ['恒信', '宏达', '金泰', '瑞丰', '华兴', '天成', '鑫源', '博远', '嘉和', '塞上', '贺兰山', '丝路', '天山', '昆仑', '新丝', '银河', '明德', '安泰', '正元', '长城'];
export const COMPANY_TRADE = ['科技', '建设工程', '商贸', '物流', '医药', '农业发展', '信息技术', '能源', '机械制造', '食品', '教育咨询', '物业服务', '电力', '化工', '旅游'];
export const COMPANY_FORM = ['有限公司', '有限责任公司', '股份有限公司', '集团有限公司'];

export const REGION_CODES: Record<string, Record<string, string>> = {
  yinchuan: { 兴庆区: '640104', 西夏区: '640105', 金凤区: '640106', 永宁县: '640121', 贺兰县: '640122', 灵武市: '640181' },
  urumqi: { 天山区: '650102', 沙依巴克区: '650103', 新市区: '650104', 水磨沟区: '650105', 头屯河区: '650106', 达坂城区: '650107', 米东区: '650109', 乌鲁木齐县: '650121' },
};

/** Deterministic PRNG (mulberry32): the same seed gives the same demo database. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
