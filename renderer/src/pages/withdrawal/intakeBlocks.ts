/**
 * Why 提交复核 or 打印一次性告知书 cannot be used yet, in the clerk's words — read off the engine's answer and the
 * materials ticked; the service refuses the same cases on its own.
 */
import type { WithdrawalAppDto } from '../../../../shared/contract/dto';
import type { WithdrawalDecision } from '../../../../shared/rules';

export function blocks(s: { ready: boolean; decision: WithdrawalDecision | null; liveError: string | null; missing: number; app: WithdrawalAppDto | null }) {
  const { decision, app } = s;
  const submitBlocked = !s.ready
    ? '请先选择职工和提取原因'
    : !decision
      ? s.liveError
        ? '审查未完成，请按审查结果更正后再提交'
        : '正在审查，请稍候'
      : !decision.eligible
        ? '审查结论为“不符合条件”，不能提交复核'
        : s.missing > 0
          ? `还有${s.missing}项材料未收，不能提交复核；请保存草稿并打印一次性告知书`
          : null;
  // Before the engine has answered on this screen, the saved application's list is what there is.
  const stillMissing = decision ? s.missing : (app?.missingMaterials.length ?? 0);
  const noticeBlocked = !app ? '保存草稿后才能打印一次性告知书' : stillMissing === 0 ? '材料已收齐，无需一次性告知书' : null;
  return { submitBlocked, noticeBlocked };
}
