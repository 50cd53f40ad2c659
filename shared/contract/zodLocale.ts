/**
 * Every zod message in Chinese: the contract's field builders write their own, and zod's defaults (a wrong type,
 * an unknown enum value, a missing key) come from zod's zh-CN locale. Imported once by the contract's fields.
 */
import { z } from 'zod';

z.config(z.locales.zhCN());
