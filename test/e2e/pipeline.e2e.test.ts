import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UserService } from '../../server/auth/user-service.ts';
import { getTargetProgress } from '../../server/services/targets/target-progress.ts';
import { canRunBrowser, launchBrowser } from '../support/browser.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';

const GAP_SECTION = 'section.gap[data-gap-id="gap:fill:seg:bms:area:chaohu"]';

async function signIn(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.locator('dialog.sign-in').waitFor();
  await page.fill('#sign-in-name', 'wang');
  await page.fill('#sign-in-password', 'wang-password-1');
  await page.click('dialog.sign-in button[type=submit]');
  await page.locator('dialog.sign-in').waitFor({ state: 'detached' });
}

async function toStage(page: Page, stage: string): Promise<void> {
  await page.selectOption('[data-testid=stage-select]', stage);
  await page.click('[data-testid=stage-submit]');
  await page.locator(`[data-testid=project-title] [data-stage=${stage}]`).waitFor();
}

describe.runIf(canRunBrowser)('招商 pipeline in the browser: gap → candidate → lead → signed → started → producing', () => {
  let server: TestServer;
  let browser: Browser;
  beforeAll(async () => {
    server = await startTestServer({ auth: { mode: 'enabled' } });
    await new UserService(server.store).addUser('wang', 'editor', 'wang-password-1');
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('an editor carries a gap to a producing project, sees the target move and the gap proposed as filled', async () => {
    const before = (await getTargetProgress(server.store, 'target:projects-100m:chaohu')).current!;
    const page = await browser.newPage({ viewport: { width: 1500, height: 950 } });
    page.setDefaultTimeout(20_000);
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await signIn(page, `${server.url}/?chain=chain:emerging&area=chaohu&sel=seg:bms`);

    // gap work: the plan's BMS gap shows its stored status; the editor moves it on with a note
    const gap = page.locator(GAP_SECTION);
    await gap.locator('[data-testid=gap-status] >> text=待解决').waitFor();
    await gap.locator('summary >> text=缺口处置').click();
    await gap.locator('[data-testid=gap-status-select]').selectOption('IN_PROGRESS');
    await gap.locator('textarea[name=note]').fill('已对接两家BMS企业');
    await gap.locator('[data-testid=save-gap]').click();
    await page.locator(`${GAP_SECTION} [data-testid=gap-status] >> text=推进中`).waitFor();
    await page.locator(`${GAP_SECTION} [data-testid=gap-status] >> text=已对接两家BMS企业`).waitFor();
    await expect(page.locator(`${GAP_SECTION} p`).first().textContent()).resolves.toContain('推进中');

    // candidate → lead in one click
    await page.locator(`${GAP_SECTION} [data-testid=find-candidates]`).click();
    const first = page.locator('[data-testid=candidates] tbody tr').first();
    await first.waitFor();
    const candidate = (await first.locator('[data-testid=candidate]').textContent())!.trim();
    await first.locator('[data-testid=candidate-to-lead]').click();
    const title = page.locator('[data-testid=project-title]');
    await title.locator('[data-stage=LEAD]').waitFor();
    await expect(title.textContent()).resolves.toContain(candidate);
    expect(page.url()).toContain('view=pipeline');

    // the investment (≥ 1亿元) makes it count toward the target once signed
    await page.locator('[data-testid=project-panel] summary >> text=编辑项目信息').click();
    await page.fill('[data-testid=project-edit] input[name=investment]', '12');
    await page.click('[data-testid=project-edit] button[type=submit]');
    await page.locator('[data-testid=project-panel] dd >> text=12 亿元').waitFor();

    await toStage(page, 'SIGNED');
    await toStage(page, 'STARTED');
    await toStage(page, 'PRODUCING');
    await expect(page.locator('[data-testid=project-history] li').count()).resolves.toBe(4);
    await expect(page.locator('[data-testid=pipeline-board] section.board-column[data-stage=PRODUCING]').textContent()).resolves.toContain(candidate);
    await page.screenshot({ path: 'test/artifacts/pipeline-board.png' });

    // the target moved by one, computed from the projects
    await page.goto(`${server.url}/?view=targets&area=chaohu`);
    const bar = page.locator('.progress[data-id="target:projects-100m:chaohu"]');
    await bar.locator(`.value >> text=${before + 1}个 / 100个`).waitFor();
    await expect(bar.locator('[data-testid=target-basis]').textContent()).resolves.toContain('据数据计算');
    await page.locator('[data-testid=project-indicators] >> text=建设项目投产达效率').waitFor();

    // the gap is proposed as filled, naming the producing project
    await page.goto(`${server.url}/?chain=chain:emerging&area=chaohu&sel=seg:bms`);
    const proposal = page.locator(`${GAP_SECTION} [data-testid=fill-proposal]`);
    await proposal.waitFor();
    await expect(proposal.textContent()).resolves.toContain(candidate);
    await page.screenshot({ path: 'test/artifacts/gap-proposed-filled.png' });
    expect(errors).toEqual([]);
    await page.close();
  }, 120_000);
});
