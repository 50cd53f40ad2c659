import { YINCHUAN_SEED } from '../../../shared/rules/catalogue/yinchuan';
import type { SeedRef } from '../../../shared/rules/types';

export const yc = (clause: string): SeedRef => ({ file: YINCHUAN_SEED, clause });
