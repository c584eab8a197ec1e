import { mkdirSync, writeFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UserService } from '../../server/auth/user-service.ts';
import { canRunBrowser, launchBrowser } from '../support/browser.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';

describe.runIf(canRunBrowser)('monthly 调度 report in the browser', () => {
  let server: TestServer;
  let browser: Browser;
  beforeAll(async () => {
    server = await startTestServer({ auth: { mode: 'enabled' } });
    await new UserService(server.store).addUser('li', 'viewer', 'li-password-12');
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('a viewer opens the printable report of a month and prints it to an A4 PDF with Chinese text', async () => {
    const page = await browser.newPage({ viewport: { width: 1300, height: 900 } });
    page.setDefaultTimeout(20_000);
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${server.url}/?view=pipeline&area=chaohu`);
    await page.locator('dialog.sign-in').waitFor();
    await page.fill('#sign-in-name', 'li');
    await page.fill('#sign-in-password', 'li-password-12');
    await page.click('dialog.sign-in button[type=submit]');
    await page.locator('dialog.sign-in').waitFor({ state: 'detached' });

    // from the pipeline board, where the work is
    await page.click('[data-testid=open-report]');
    await page.locator('[data-testid=monthly-report]').waitFor();
    expect(page.url()).toContain('view=report');
    await page.fill('[data-testid=report-month]', '2025-10');
    await page.locator('[data-testid=monthly-report] h1 >> text=2025-10').waitFor();
    const report = page.locator('[data-testid=monthly-report]');
    await expect(report.locator('h1').textContent()).resolves.toContain('巢湖市 招商项目月度调度报告（2025-10）');
    await expect(report.locator('[data-testid=report-changes]').textContent()).resolves.toContain('博天动力电池巢湖生产基地');
    await expect(report.locator('[data-testid=report-stages] tbody tr').count()).resolves.toBe(6);

    await page.screenshot({ path: 'test/artifacts/monthly-report.png' });
    // printed: only the report, on A4, with the machine's CJK font embedded (no CDN)
    await page.emulateMedia({ media: 'print' });
    await expect(page.locator('header.topbar').isVisible()).resolves.toBe(false);
    await expect(page.locator('[data-testid=report-controls]').isVisible()).resolves.toBe(false);
    await expect(report.isVisible()).resolves.toBe(true);
    const pdf = await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
    mkdirSync('test/artifacts', { recursive: true });
    writeFileSync('test/artifacts/monthly-report.pdf', pdf);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const text = pdf.toString('latin1');
    expect(text).toMatch(/\/FontName\s*\/[A-Z]{6}\+Noto\w*CJK/);
    // A4 is 595 × 842 points
    expect(text).toMatch(/\/MediaBox\s*\[\s*0\s+0\s+59[45](\.\d+)?\s+84[12](\.\d+)?\s*\]/);
    expect(errors).toEqual([]);
  });
});
