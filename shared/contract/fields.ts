/**
 * Field builders for the contract's zod schemas. Every message names the field in the words clerks use
 * (职工姓名, 证件号码, 缴存基数 …), so an error can be shown beside the field it concerns.
 */
import { z } from 'zod';
import './zodLocale';
import { isIsoDate, MAX_YEAR, MIN_YEAR } from '../dates';
import { idNumberError } from '../idcard';

export const text = (label: string, max = 100) =>
  z
    .string({ error: `请填写${label}` })
    .trim()
    .min(1, { error: `请填写${label}` })
    .max(max, { error: `${label}不能超过${max}个字` });

export const optionalText = (label: string, max = 200) =>
  z.string({ error: `${label}须为文字` }).trim().max(max, { error: `${label}不能超过${max}个字` }).optional();

export const personName = (label: string) =>
  text(label, 30).regex(/^[\p{Script=Han}·A-Za-z\s]+$/u, { error: `${label}只能包含汉字、字母和间隔号“·”` });

export const idNumber = (label = '证件号码') =>
  z
    .string({ error: `请填写${label}` })
    .trim()
    .toUpperCase()
    .superRefine((v, ctx) => {
      const err = idNumberError(v);
      if (err) ctx.addIssue({ code: 'custom', message: `${label}${err}` });
    });

export const id = (label: string) =>
  z.number({ error: `请选择${label}` }).int({ error: `${label}编号不正确` }).positive({ error: `${label}编号不正确` });

/** Money on the contract is integer fen; the renderer converts what the clerk types with money.parseYuan. */
export const fen = (label: string) =>
  z
    .number({ error: `请填写${label}` })
    .int({ error: `${label}最多两位小数` })
    .nonnegative({ error: `${label}不能为负数` })
    .max(1e13, { error: `${label}过大` });

export const positiveFen = (label: string) => fen(label).positive({ error: `${label}须大于0` });

export const percent = (label: string) =>
  z.string({ error: `请填写${label}` }).trim().regex(/^\d{1,2}(\.\d{1,2})?$/, { error: `${label}应为百分数，如 12 或 7.5` });

export const month = (label = '缴存月份') =>
  z
    .string({ error: `请填写${label}` })
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/, { error: `${label}格式应为YYYY-MM` })
    .refine((v) => Number(v.slice(0, 4)) >= MIN_YEAR && Number(v.slice(0, 4)) <= MAX_YEAR, { error: `${label}应在${MIN_YEAR}年至${MAX_YEAR}年之间` });

export const date = (label: string) =>
  z.string({ error: `请填写${label}` }).refine(isIsoDate, { error: `${label}应为${MIN_YEAR}年至${MAX_YEAR}年间的有效日期（YYYY-MM-DD）` });

export const idempotencyKey = () =>
  z
    .string({ error: '缺少业务流水号（幂等键）' })
    .min(8, { error: '业务流水号（幂等键）至少8位' })
    .max(100, { error: '业务流水号（幂等键）过长' });
