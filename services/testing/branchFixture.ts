/**
 * Branch hosts for tests: a harness data folder (urumqi, which has several 管理部) joined to a center as a branch.
 * With a real center (services/center) the enrollment comes from it; without one, from a throw-away center key.
 */
import { generateKeyPairSync } from 'node:crypto';
import { rmSync } from 'node:fs';
import { SYSTEM_OPERATOR } from '../context';
import { joinNetwork, readEnrollment, type Enrollment } from '../branch/join';
import { publicKeyText, signingKeyFile } from '../branch/signing';
import { harness, type Harness } from './harness';

export interface BranchHost extends Harness {
  branch: string;
  /** The join record (signed file text) the center registers. */
  joinFile: string;
}

export function branchHost(branch: string, enrollment: string | Enrollment | null, at = '2025-07-01T02:00:00Z'): BranchHost {
  return joinAsBranch(harness('urumqi', at), branch, enrollment);
}

/** An existing harness folder joins as `branch` (`gjj sync join`). */
export function joinAsBranch(h: Harness, branch: string, enrollment: string | Enrollment | null): BranchHost {
  const at = h.clock.now().toISOString();
  const e: Enrollment =
    enrollment === null
      ? { kind: 'gjj-enrollment', v: 1, center: 'urumqi', centerId: 'urumqi-test', centerPublicKey: publicKeyText(generateKeyPairSync('ed25519').publicKey), branch, branchName: branch, issuedAt: at }
      : typeof enrollment === 'string'
        ? readEnrollment(enrollment)
        : enrollment;
  const joined = joinNetwork(h.app.ctx!, SYSTEM_OPERATOR, e, signingKeyFile(h.dir));
  const close = h.close;
  return Object.assign(h, {
    branch,
    joinFile: joined.file,
    close() {
      close();
      rmSync(signingKeyFile(h.dir), { force: true });
    },
  });
}
