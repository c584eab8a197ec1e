import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UserService } from '../../server/auth/user-service.ts';
import { usccCheckChar } from '../../server/model/uscc.ts';
import { canRunBrowser, launchBrowser } from '../support/browser.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';

describe.runIf(canRunBrowser)('signing in, once users exist', () => {
  let server: TestServer;
  let browser: Browser;
  beforeAll(async () => {
    server = await startTestServer({ auth: { mode: 'enabled' } });
    // Before the first request, so the server never saw "no users yet" (anonymous viewers).
    await new UserService(server.store).addUser('li', 'editor', 'li-password-1');
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('asks for a sign-in, refuses a wrong password in place, then shows the map and the editor tools', async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(server.url + '/?chain=chain:light-alloy');
    const dialog = page.locator('dialog.sign-in');
    await dialog.waitFor();
    await page.fill('#sign-in-name', 'li');
    await page.fill('#sign-in-password', 'wrong-password');
    await page.click('dialog.sign-in button[type=submit]');
    await page.locator('dialog.sign-in .error:not(:empty)').waitFor();
    await page.screenshot({ path: 'test/artifacts/sign-in.png' });
    await page.fill('#sign-in-password', 'li-password-1');
    await page.click('dialog.sign-in button[type=submit]');
    await dialog.waitFor({ state: 'detached' });
    await page.waitForFunction(() => /\d+ 个环节/.test(document.querySelector('#status')?.textContent ?? ''));
    await expect(page.locator('#user').textContent()).resolves.toContain('li（编辑者）');
    await page.click('#import-data');
    await page.locator('dialog.import-dialog').waitFor();
    const uscc = '91340181MA2NTE0X1' + usccCheckChar('91340181MA2NTE0X1');
    const csv = `企业名称,统一社会信用代码,所在地区,产值（万元）\n巢湖导入测试材料有限公司,${uscc},巢湖市,1200\n`;
    await page.setInputFiles('dialog.import-dialog input[type=file]', { name: '企业名单.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await page.click('dialog.import-dialog >> text=预检');
    // The dry run's report replaces the busy message; wait for it rather than reading at once.
    await page.locator('dialog.import-dialog .import-report >> text=/共 1 行：新增 1/').waitFor();
    await page.click('dialog.import-dialog >> text=确认导入');
    await page.locator('dialog.import-dialog .import-report >> text=已写入。').waitFor();
    await page.screenshot({ path: 'test/artifacts/import-dialog.png' });
    const written = await server.store.run<{ id: string }>('read/enterprises/by-uscc', { uscc, exceptId: null });
    expect(written).toHaveLength(1);
    await page.keyboard.press('Escape');
    await page.locator('dialog.import-dialog').waitFor({ state: 'detached' });
    expect(errors).toEqual([]);
    await page.close();
  });
});
