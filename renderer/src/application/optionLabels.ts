/**
 * Counter words for the schema codes whose error text does not spell them out (or spells them too briefly).
 * Codes the schema explains itself (house types, loan status …) are read from the schema.
 */
const LABELS: Record<string, string> = {
  // 办理人身份
  self: '本人',
  agent: '受托人代办',
  relativeAgent: '直系亲属代办',
  guardian: '监护人',
  heir: '继承人',
  legatee: '受遗赠人',
  // 患者与职工关系
  spouse: '配偶',
  lineal: '直系血亲',
  other: '其他',
  // 担保方式
  company: '担保公司担保',
  developer: '开发商阶段性担保',
  property: '房产抵押',
  pfJoint: '公积金联保',
  naturalPerson: '自然人保证',
  pledge: '质押',
  // 需真实性调查的情形
  repeatedMarriageChange: '同一人多次变更婚姻关系购房',
  frequentResale: '多人频繁买卖同一套住房',
  nonLocalPurchase: '在非户籍地或非缴存地购房',
  nonFamilyCoPurchase: '非配偶或非直系亲属共同购房',
  // 性别
  M: '男',
  F: '女',
};

export function optionLabel(code: string): string | undefined {
  return LABELS[code];
}
