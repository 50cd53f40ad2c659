/**
 * 中心同步 page in Chromium: a joined branch folder (a throw-away center key, no center address: the file route) —
 * the administrator exports the unsent batches to a file (a real download, signed by the branch key) and applies a
 * center down file (uploaded): the notice it carries is applied once, the page shows the result and the center
 * change number; the same file again says 没有新内容.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { dispatch } from '../../services/api/dispatch';
import { openAppState } from '../../services/api/state';
import { buildDownBatch } from '../../services/branch/downBatch';
import { joinNetwork, type Enrollment } from '../../services/branch/join';
import { loadSigningKey, readSigned, signingKeyFile, verifyText } from '../../services/branch/signing';
import { SYSTEM_OPERATOR } from '../../services/context';
import { startHttpTransport } from '../../services/http/server';
import { TEST_ADMIN } from '../../services/testing/staff';
import { launchChromium, STATIC_DIR, shot, waitCall } from './support';

it('sync page: export the unsent batches to a file, apply a center down file', { timeout: 90_000 }, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'gjj-sync-e2e-'));
  const app = openAppState(dir);
  const P = 'Counter2026';
  dispatch(app, { call: 'setup.init', input: { center: 'urumqi', adminLogin: 'admin', adminName: '系统管理员', adminPassword: P, ...TEST_ADMIN } });
  const center = loadSigningKey(`${dir}.center.pem`, true);
  const enrollment: Enrollment = { kind: 'gjj-enrollment', v: 1, center: 'urumqi', centerId: 'urumqi-e2e', centerPublicKey: center.publicKey, branch: 'WQ02', branchName: '米东区管理部', issuedAt: new Date().toISOString() };
  const joined = joinNetwork(app.ctx!, SYSTEM_OPERATOR, enrollment, signingKeyFile(dir));
  const down = buildDownBatch(center, {
    center: 'urumqi',
    centerId: 'urumqi-e2e',
    branch: 'WQ02',
    createdAt: new Date().toISOString(),
    held: null,
    changes: [{ seq: 1, kind: 'notice', origin: null, payload: { kind: '公告', title: '中心下发的测试公告', body: '经U盘送达。' } }],
  })!.file;
  const server = await startHttpTransport(app, { staticDir: STATIC_DIR });
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: 1440, height: 1000 }, locale: 'zh-CN', acceptDownloads: true });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(server.url);
    await page.getByLabel('登录名').fill('admin');
    await page.getByLabel('密码').fill(P);
    await page.keyboard.press('Enter');
    await page.getByTestId('operator-name').waitFor();
    await page.goto(`${server.url}#/admin/sync`);
    await page.getByTestId('sync-fingerprint').filter({ hasText: joined.fingerprint }).waitFor();
    await page.getByTestId('sync-down-applied').filter({ hasText: '已应用到中心第0号变更' }).waitFor();

    // 导出未送批次文件: a real download, the branch's signed batch.
    const downloaded = page.waitForEvent('download');
    const exported = waitCall(page, 'sync.exportFile');
    await page.getByTestId('sync-export').click();
    await exported;
    const file = await downloaded;
    expect(file.suggestedFilename()).toMatch(/^WQ02-批次-1-\d+\.batch$/);
    const { body, text, sig } = readSigned<{ kind: string; branch: string; fromSeal: number }>(readFileSync((await file.path())!, 'utf8'), '批次文件');
    expect(body).toMatchObject({ kind: 'gjj-batch', branch: 'WQ02', fromSeal: 1 });
    expect(verifyText(joined.record.branchPublicKey, text, sig)).toBe(true);
    await page.getByText(/^已导出第1至\d+批/).waitFor();

    // 应用中心下发文件: uploaded, verified with the center key stored at joining, applied once.
    const applied = waitCall(page, 'sync.applyFile');
    await page.getByTestId('sync-apply-file-zone').locator('input[type=file]').setInputFiles({ name: 'WQ02.down', mimeType: 'application/octet-stream', buffer: Buffer.from(down) });
    await applied;
    await page.getByTestId('sync-apply-result').filter({ hasText: '已应用中心第1至1号变更（1项）' }).waitFor();
    await page.getByTestId('sync-apply-result').filter({ hasText: '1：公告：中心下发的测试公告' }).waitFor();
    await page.getByTestId('sync-down-applied').filter({ hasText: '已应用到中心第1号变更' }).waitFor();
    await shot(page, 'sync-01-export-apply.png');
    const again = waitCall(page, 'sync.applyFile');
    await page.getByTestId('sync-apply-file-zone').locator('input[type=file]').setInputFiles({ name: 'WQ02-again.down', mimeType: 'application/octet-stream', buffer: Buffer.from(down) });
    await again;
    await page.getByTestId('sync-apply-result').filter({ hasText: '没有新内容：中心第1至1号变更已应用过' }).waitFor();
    expect((app.db.prepare(`SELECT COUNT(*) AS n FROM notices WHERE title = '中心下发的测试公告'`).get() as { n: number }).n).toBe(1);
    expect(errors).toEqual([]);
  } finally {
    await browser.close();
    await server.close();
    app.db.close();
    for (const f of [dir]) rmSync(f, { recursive: true, force: true });
    for (const f of [`${dir}.key`, `${dir}.sign.pem`, `${dir}.center.pem`]) rmSync(f, { force: true });
  }
});
