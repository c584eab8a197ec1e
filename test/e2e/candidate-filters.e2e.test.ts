import { mkdirSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rankSupplierCandidates } from '../../server/services/suppliers/rank-supplier-candidates.ts';
import { fittedWeightsReady } from '../../server/services/suppliers/fitted-weights.ts';
import { canRunBrowser, launchBrowser } from '../support/browser.ts';
import { DISABLED_AUTH } from '../../server/auth/auth-options.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';

const ARTIFACTS = 'test/artifacts';
const GAP = 'gap:plan-3d-printing:chaohu';

/** Issue 14: the candidate list filters on the server and says in one line why each candidate is there. */
describe.runIf(canRunBrowser)('candidate list filters and one-line reasons in headless Chromium', () => {
  let server: TestServer;
  let browser: Browser;
  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    server = await startTestServer({ auth: DISABLED_AUTH });
    // the seed graph's weights are fitted on its 87 links; wait for them so the page and `expected` rank alike
    await fittedWeightsReady(server.store);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const shown = (page: Page) => page.locator('[data-testid=candidates] tbody tr').evaluateAll((rows) => rows.map((r) => (r as HTMLElement).dataset.id));
  const total = async (page: Page) => Number((await page.locator('#panel').textContent())!.match(/共 (\d+) 家/)![1]);
  const expected = async (filter: Record<string, unknown> | null) =>
    (await rankSupplierCandidates(server.store, { gapId: GAP, first: 200, filter })).candidates.map((c) => c.enterpriseId);

  it('filters by in-segment only, 规上, region and qualification, and clears', async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await page.goto(`${server.url}/?chain=chain:emerging&gap=${GAP}`);
    await page.locator('[data-testid=candidate]').first().waitFor();
    const all = await shown(page);
    expect(all).toEqual(await expected(null));
    // every row says in one line why it is there: its segment first
    const lines = await page.locator('[data-testid=reason-line]').allTextContents();
    expect(lines.length).toBe(all.length);
    expect(lines[0]).toMatch(/^从事.+环节/);
    // where the ranking's weights come from: fitted on the seed graph's own links
    expect(await page.locator('[data-testid=ranking-weights]').textContent()).toMatch(
      /^排序权重依据本库 87 条外地供应商→本地企业的供应关系拟合（留出检验 MRR 0\.\d\d → 0\.\d\d）$/,
    );

    await page.locator('[data-testid=filter-in-segment]').check();
    await page.waitForFunction(
      (n) => document.querySelectorAll('[data-testid=candidates] tbody tr').length !== n || document.querySelector('[data-testid=filter-clear]'),
      all.length,
    );
    await page.locator('[data-testid=filter-clear]').waitFor();
    const inSegment = await expected({ inSegmentOnly: true });
    expect(inSegment.length).toBeLessThan(all.length);
    expect(await shown(page)).toEqual(inSegment);

    await page.selectOption('[data-testid=filter-above-scale]', 'yes');
    await page.waitForFunction(() => (document.querySelector('[data-testid=filter-above-scale]') as HTMLSelectElement | null)?.value === 'yes');
    await expect.poll(() => shown(page)).toEqual(await expected({ inSegmentOnly: true, aboveScale: true }));
    expect(await total(page)).toBe((await expected({ inSegmentOnly: true, aboveScale: true })).length);
    await page.screenshot({ path: `${ARTIFACTS}/candidate-filters.png` });

    await page.locator('[data-testid=filter-clear]').click();
    await expect.poll(() => shown(page)).toEqual(all);
    const small = await expected({ aboveScale: false });
    expect(small.length).toBeLessThan(all.length);
    await page.selectOption('[data-testid=filter-above-scale]', 'no');
    await expect.poll(() => shown(page)).toEqual(small);
    await page.locator('[data-testid=filter-clear]').click();
    await expect.poll(() => shown(page)).toEqual(all);
    await page.locator('[data-testid=filter-region-yrd]').check();
    await expect.poll(() => shown(page)).toEqual(await expected({ regions: ['yrd'] }));
    await page.locator('[data-testid=filter-tag-专精特新]').check();
    await expect.poll(() => shown(page)).toEqual(await expected({ regions: ['yrd'], tags: ['专精特新'] }));
    await page.close();
  });
});
