import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canRunBrowser, launchBrowser } from '../support/browser.ts';

/*
 * Issue 15, finding 9: a fresh install as the README tells it — `npm start`
 * with a data folder, then the first account — while the server runs.
 */

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const tsx = (args: string[]) => [process.execPath, ['--import', 'tsx', ...args]] as const;

/** `npm run user -- …` with the password on stdin. */
function userCli(args: string[], password = ''): { status: number | null; output: string } {
  const [node, argv] = tsx(['server/cli/user.ts', ...args]);
  const r = spawnSync(node, argv, { cwd: ROOT, input: password, encoding: 'utf8', env: { ...process.env, DATA_DIR: '' } });
  return { status: r.status, output: `${r.stdout}${r.stderr}` };
}

describe.runIf(canRunBrowser)('first run: the first admin while the server runs (issue 15, finding 9)', () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'i15-first-run-'));
  let server: ChildProcess;
  let url = '';
  let log = '';
  let browser: Browser;
  beforeAll(async () => {
    const [node, argv] = tsx(['server/main.ts', '--data-dir', dataDir, '--port', '0', '--no-seed']);
    server = spawn(node, argv, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    server.stdout!.on('data', (d: Buffer) => (log += d.toString()));
    server.stderr!.on('data', (d: Buffer) => (log += d.toString()));
    for (let i = 0; i < 400 && !/ready on embedded store: (http:\S+)/.test(log); i++) await new Promise((r) => setTimeout(r, 50));
    url = /ready on embedded store: (http:\S+?)\/? /.exec(log)![1]!;
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    if (server && server.exitCode === null) {
      const exited = new Promise((resolve) => server.once('exit', resolve));
      server.kill('SIGTERM');
      await exited;
    }
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('the server says how to create the first admin without stopping it', () => {
    expect(log).toContain('创建管理员账号');
  });

  it('npm run user, with the server running, says plainly to stop the server first (and which folder)', () => {
    const r = userCli(['add', 'admin', '--role', 'admin', '--password-stdin', '--data-dir', dataDir], 'admin-password-1\n');
    expect(r.status).toBe(1);
    expect(r.output).toContain(`data folder: ${dataDir}`);
    expect(r.output).toMatch(/locked: a server is running on it\.\nStop the server first/);
    expect(r.output).toContain('创建管理员账号');
  });

  it('npm run user reads DATA_DIR and names a folder that has no store yet', () => {
    const other = mkdtempSync(path.join(tmpdir(), 'i15-empty-'));
    const [node, argv] = tsx(['server/cli/user.ts', 'list']);
    const r = spawnSync(node, argv, { cwd: ROOT, encoding: 'utf8', env: { ...process.env, DATA_DIR: other } });
    expect(r.stderr).toContain(`data folder: ${other} (no store yet`);
    rmSync(other, { recursive: true, force: true });
  });

  it('the UI offers the first admin account while no user exists, then signs them in; only once', async () => {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(url + '/');
    await page.locator('#first-admin').click();
    const dialog = page.locator('dialog.sign-in');
    await page.fill('#sign-in-name', 'admin');
    await page.fill('#sign-in-password', 'short');
    await page.fill('#sign-in-repeat', 'short');
    await page.click('dialog.sign-in button[type=submit]');
    await expect(dialog.locator('.error').textContent()).resolves.toBe('密码至少需要 10 个字符');
    await page.fill('#sign-in-password', 'admin-password-1');
    await page.fill('#sign-in-repeat', 'admin-password-2');
    await page.click('dialog.sign-in button[type=submit]');
    await expect(dialog.locator('.error').textContent()).resolves.toBe('两次输入的密码不一致');
    await page.screenshot({ path: 'test/artifacts/first-admin.png' });
    await page.fill('#sign-in-repeat', 'admin-password-1');
    await page.click('dialog.sign-in button[type=submit]');
    await dialog.waitFor({ state: 'detached' });
    await page.locator('#user >> text=admin（管理员）').waitFor();
    await expect(page.locator('#import-data').isVisible()).resolves.toBe(true);

    // Once a user exists the offer is gone, and the server refuses a second "first" admin.
    const other = await browser.newPage();
    await other.goto(url + '/');
    await other.locator('dialog.sign-in').waitFor();
    expect(await other.locator('#first-admin').count()).toBe(0);
    const refused = await other.evaluate(() =>
      fetch('/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-graphql-csrf': '1' },
        body: JSON.stringify({ query: 'mutation { createFirstAdmin(name: "mallory", password: "mallory-password-1") { name } }' }),
      }).then((r) => r.json()),
    );
    expect(refused).toMatchObject({ errors: [{ extensions: { code: 'FORBIDDEN' } }] });
    // A wrong password is refused in the UI's language (finding 7).
    await other.fill('#sign-in-name', 'admin');
    await other.fill('#sign-in-password', 'wrong-password');
    await other.click('dialog.sign-in button[type=submit]');
    await other.locator('dialog.sign-in .error >> text=用户名或密码错误').waitFor();
    await other.close();
    await page.close();
    expect(errors).toEqual([]);
  });
});
