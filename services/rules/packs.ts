import type { CenterId } from '../../shared/centers/types';
import { RulesInputError } from './errors';
import type { PolicyPack } from './pack';
import { URUMQI_PACK } from './urumqi/pack';
import { YINCHUAN_PACK } from './yinchuan/pack';

const PACKS: Record<CenterId, PolicyPack> = { yinchuan: YINCHUAN_PACK, urumqi: URUMQI_PACK };

export function packFor(center: CenterId): PolicyPack {
  const pack = PACKS[center];
  if (!pack) throw new RulesInputError([{ path: 'center', label: '公积金中心', message: `公积金中心：未知的中心「${String(center)}」` }]);
  return pack;
}
