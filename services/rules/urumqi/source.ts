import { URUMQI_SEED } from '../../../shared/rules/catalogue/urumqi';
import type { SeedRef } from '../../../shared/rules/types';

export const uq = (clause: string): SeedRef => ({ file: URUMQI_SEED, clause });
