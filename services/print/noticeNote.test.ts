import { describe, expect, it } from 'vitest';
import { centerConfig } from '../../shared/centers';
import { noticeLayout, withdrawalMaterialsNote } from './oneTimeNotice';

// 004 二、基本规定: 提取业务所需资料中未注明复印件的,提供原件;注明或需要提供复印件的,复印件使用A4纸张复印。
const subject = (center: 'yinchuan' | 'urumqi') => ({
  appNo: 'T-1',
  branchCode: centerConfig(center).branches[0]!.code,
  matter: '住房公积金提取——退休',
  business: '住房公积金提取',
  applicant: { name: '王强', idNumberMasked: '650102********1234', phone: '13800000000', accountNo: '1' },
  created: { name: '柜员', at: '2026-06-15T02:00:00Z' },
  missingMaterials: ['身份证原件'],
  ...(withdrawalMaterialsNote(center) ? { materialsNote: withdrawalMaterialsNote(center)! } : {}),
});
const env = (center: 'yinchuan' | 'urumqi') => ({
  center: centerConfig(center),
  operator: { id: 1, login: 'c', name: '柜员', role: 'clerk' as const, branchCode: '' },
  printedAt: '2026-06-15T02:00:00Z',
  today: '2026-06-15',
  reprint: false,
});

describe('一次性告知书: the originals / A4 copies note', () => {
  it('is printed on every 乌鲁木齐 withdrawal notice', () => {
    expect(JSON.stringify(noticeLayout(subject('urumqi'), env('urumqi')).doc)).toContain('复印件使用A4纸张复印');
  });
  it('is not printed for 银川, whose seed has no such note', () => {
    expect(JSON.stringify(noticeLayout(subject('yinchuan'), env('yinchuan')).doc)).not.toContain('A4纸张');
  });
});
