/**
 * The payee-card requirements the engine attaches (乌鲁木齐 004: 工农中建交借记卡; 终止劳动关系: 本人名下的本市 …), checked
 * against the account the clerk entered. The bank is read from 开户银行; 本市 from the opening branch's name
 * (乌鲁木齐). Whether the card is a debit card is the clerk's record of the card itself (payee.cardType, rule
 * uq.flow.payeeDebitCard): anything but 借记卡 is refused where 004 says 借记卡; a card's number must be 16–19 digits.
 */
import { CARD_TYPES, cardNumberShapeOk } from '../../shared/bankCard';
import { badInput } from '../../shared/errors';
import type { Payee } from '../../shared/contract/dto';

const FIVE = /工商银行|农业银行|中国银行|建设银行|交通银行|^(工行|农行|中行|建行|交行)/;

export function checkPayeeBank(kinds: readonly string[], payee: Payee): void {
  const bank = payee.bankName.trim();
  const local = kinds.includes('payee_local_bank5');
  if ((payee.cardType === 'debit' || payee.cardType === 'credit') && !cardNumberShapeOk(payee.accountNo)) {
    throw badInput('payee.accountNo', `收款账号：${CARD_TYPES[payee.cardType]}卡号应为16至19位数字`);
  }
  if ((local || kinds.includes('payee_bank5')) && payee.kind === 'own' && !FIVE.test(bank)) {
    throw badInput('payee.bankName', `收款开户银行：本情形须为工商银行、农业银行、中国银行、建设银行或交通银行的借记卡（工农中建交），现为“${bank}”`);
  }
  if (local && payee.kind === 'own' && !bank.includes('乌鲁木齐')) {
    throw badInput('payee.bankName', `收款开户银行：终止劳动关系提取须转入本人名下的本市银行借记卡，请填写在乌鲁木齐开户的网点（如 中国建设银行乌鲁木齐分行），现为“${bank}”`);
  }
  if ((local || kinds.includes('payee_bank5')) && payee.kind === 'own' && payee.cardType !== 'debit') {
    const now = payee.cardType ? `现为${CARD_TYPES[payee.cardType]}` : '未选择卡类型';
    throw badInput('payee.cardType', `卡类型：本情形提取款项须转入借记卡（个人银行借记卡(工农中建交)），${now}`);
  }
}
