import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canRunBrowser, launchBrowser } from '../support/browser.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';
import { DISABLED_AUTH } from '../../server/auth/auth-options.ts';

const ARTIFACTS = 'test/artifacts';

type CyWindow = { cy: import('cytoscape').Core };

/** Clicks a node where it is drawn, as a user would. */
async function clickNode(page: Page, id: string): Promise<void> {
  const box = await page.locator('#cy').boundingBox();
  const pos = await page.evaluate((nodeId) => (window as unknown as CyWindow).cy.getElementById(nodeId).renderedPosition(), id);
  await page.mouse.click(box!.x + pos.x, box!.y + pos.y);
}

async function mapReady(page: Page, pattern = /\d+ (个环节|segments)/): Promise<void> {
  await page.waitForFunction((source) => new RegExp(source).test(document.querySelector('#status')?.textContent ?? ''), pattern.source);
}

describe.runIf(canRunBrowser)('the UI in headless Chromium', () => {
  let server: TestServer;
  let browser: Browser;
  const errors: string[] = [];
  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    mkdirSync('docs/screenshots', { recursive: true });
    server = await startTestServer({ auth: DISABLED_AUTH });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function open(path: string): Promise<Page> {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 }, acceptDownloads: true });
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(server.url + path);
    return page;
  }

  it('draws the seed chains on the canvas, coloured by local strength, with a legend', async () => {
    const page = await open('/');
    await mapReady(page);
    const chainNames = await page.locator('#chain-select option').allTextContents();
    expect(chainNames).toContain('新能源汽车零部件');
    const drawn = await page.evaluate(() => {
      const cy = (window as unknown as CyWindow).cy;
      return {
        nodes: cy.nodes().length,
        strengths: [...new Set(cy.nodes().map((n) => n.data('strength')))],
        gapKinds: [
          ...new Set(
            cy
              .nodes()
              .map((n) => n.data('gapKind'))
              .filter(Boolean),
          ),
        ],
      };
    });
    expect(drawn.nodes).toBeGreaterThan(20);
    expect(drawn.strengths).not.toEqual(['unknown']);
    expect(drawn.gapKinds.length).toBeGreaterThan(0);
    await expect(page.locator('#legend').textContent()).resolves.toMatch(/补链 \d+.*强链 \d+.*延链 \d+/);
    await page.screenshot({ path: `${ARTIFACTS}/chain-map.png` });
    // The README's picture changes only when asked for, so running the tests leaves the tree clean.
    if (process.env.UPDATE_SCREENSHOTS) copyFileSync(`${ARTIFACTS}/chain-map.png`, 'docs/screenshots/chain-map.png');
    await page.close();
  });

  it('switches area, opens a gap, ranks candidates, highlights one and exports the 招商清单', async () => {
    const page = await open('/?chain=chain:nev-parts');
    await mapReady(page);
    await page.selectOption('#area-select', 'area:chaohu');
    await page.waitForURL(/area=chaohu/);
    await mapReady(page);
    await expect(page.locator('#area-select').inputValue()).resolves.toBe('area:chaohu');

    const gapSegment = await page.evaluate(() => (window as unknown as CyWindow).cy.nodes('[gapKind = "fill"]').first().id());
    expect(gapSegment).toBeTruthy();
    await clickNode(page, gapSegment);
    await page.waitForURL(/sel=/);
    await page.locator('[data-testid=panel-title]').waitFor();
    await expect(page.locator('#panel .gap [data-gap-kind=fill]').first().textContent()).resolves.toBe('补链');
    await page.screenshot({ path: `${ARTIFACTS}/segment-panel.png` });

    await page.locator('[data-testid=find-candidates]').first().click();
    await page.waitForURL(/gap=/);
    const rows = page.locator('[data-testid=candidates] tbody tr');
    await rows.first().waitFor();
    expect(await rows.count()).toBeGreaterThan(0);
    await expect(page.locator('#panel [data-testid=sample-badge]').first().isVisible()).resolves.toBe(true);

    const first = page.locator('[data-testid=candidate]').first();
    const name = (await first.textContent())!;
    await first.click();
    await page.waitForURL(/cand=/);
    await page.waitForFunction(() => (window as unknown as CyWindow).cy.$('node.highlighted').length >= 2);
    const highlighted = await page.evaluate(() => (window as unknown as CyWindow).cy.$('.highlighted').map((e) => e.id()));
    const candId = new URL(page.url()).searchParams.get('cand')!;
    expect(highlighted).toContain(candId);
    expect(highlighted).toContain(gapSegment);
    await expect(page.locator(`[data-testid=candidates] tr[data-id="${candId}"]`).getAttribute('aria-selected')).resolves.toBe('true');
    await page.waitForTimeout(400); // let the fit animation end
    await page.screenshot({ path: `${ARTIFACTS}/candidates-highlight.png` });

    const [csvDownload] = await Promise.all([page.waitForEvent('download'), page.locator('[data-testid=export-csv]').click()]);
    expect(csvDownload.suggestedFilename()).toMatch(/^招商清单-.+-巢湖市\.csv$/);
    const csv = readFileSync((await csvDownload.path())!, 'utf8');
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const lines = csv.slice(1).split('\r\n');
    expect(lines[0]).toMatch(/^排名,企业名称,统一社会信用代码,.*,推荐理由,数据说明$/);
    expect(lines[1]).toContain(name);
    expect(lines[1]).toContain('示例数据');

    const [xlsxDownload] = await Promise.all([page.waitForEvent('download'), page.locator('[data-testid=export-xlsx]').click()]);
    expect(xlsxDownload.suggestedFilename()).toMatch(/\.xlsx$/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile((await xlsxDownload.path())!);
    const sheet = workbook.worksheets[0]!;
    // The .xlsx comes from the server's exportTable (all pages of the list).
    expect(sheet.name).toBe('招商清单');
    expect(sheet.getRow(1).getCell(2).value).toBe('企业名称');
    expect(sheet.getRow(2).getCell(2).value).toBe(name);
    expect(sheet.rowCount).toBe(Number((await page.locator('#panel').textContent())!.match(/共 (\d+) 家/)![1]) + 1);
    await page.close();
  });

  it('restores view, chain, gap, highlighted candidate and language from a deep link', async () => {
    const page = await open('/?chain=chain:nev-parts&gap=gap:fill:seg:bms:all&lang=en');
    await page.locator('[data-testid=candidate]').first().waitFor();
    const candId = await page.locator('[data-testid=candidates] tbody tr').first().getAttribute('data-id');
    await page.goto(`${server.url}/?chain=chain:nev-parts&gap=gap:fill:seg:bms:all&cand=${encodeURIComponent(candId!)}&lang=en`);
    await page.waitForFunction(() => (window as unknown as CyWindow).cy.$('node.highlighted').length >= 2);
    await expect(page.locator('h1').textContent()).resolves.toBe('Industry Chain Map');
    await expect(page.locator('#chain-select').inputValue()).resolves.toBe('chain:nev-parts');
    await expect(page.locator('[data-testid=panel-title]').textContent()).resolves.toMatch(/^Target enterprises for Battery management systems \(BMS\)/);
    await expect(page.locator(`[data-testid=candidates] tr[data-id="${candId}"]`).getAttribute('aria-selected')).resolves.toBe('true');
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('en');
    await page.waitForTimeout(400);
    await page.screenshot({ path: `${ARTIFACTS}/deep-link-en.png` });

    await page.locator('#lang-toggle').click();
    await page.waitForFunction(() => document.querySelector('h1')?.textContent === '产业链图谱');
    expect(new URL(page.url()).searchParams.get('lang')).toBeNull();
    await expect(page.locator('[data-testid=panel-title]').textContent()).resolves.toMatch(/^新能源电池管理系统BMS 的目标企业/);
    await page.goBack();
    await page.waitForFunction(() => document.querySelector('h1')?.textContent === 'Industry Chain Map');
    await page.close();
  });

  it('opens an enterprise profile with suppliers and customers and expands its neighbours in place', async () => {
    const page = await open('/?chain=chain:nev-parts&sel=ent:s0153');
    await page.locator('[data-testid=panel-title]').waitFor();
    await expect(page.locator('[data-testid=panel-title]').textContent()).resolves.toContain('示例数据');
    await page.waitForFunction(() => /供应商 \(\d+\).*客户 \(\d+\)/s.test(document.querySelector('#panel')?.textContent ?? ''));
    const before = await page.evaluate(() => (window as unknown as CyWindow).cy.nodes('[label = "Segment"]').map((n) => ({ id: n.id(), ...n.position() })));
    const count = await page.evaluate(() => (window as unknown as CyWindow).cy.nodes().length);
    await page.locator('[data-testid=expand]').click();
    await page.waitForFunction((n) => (window as unknown as CyWindow).cy.nodes().length > n, count);
    const after = await page.evaluate(() =>
      Object.fromEntries((window as unknown as CyWindow).cy.nodes('[label = "Segment"]').map((n) => [n.id(), n.position()])),
    );
    for (const p of before) expect(after[p.id]).toEqual({ x: p.x, y: p.y });
    await page.screenshot({ path: `${ARTIFACTS}/enterprise-panel.png` });
    await page.close();
  });

  it('suggests search results as you type and finds a path between two nodes', async () => {
    const page = await open('/?chain=chain:nev-parts');
    await mapReady(page);
    await page.locator('#search-input').fill('德和');
    const option = page.locator('#search-list li[data-id]').first();
    await option.waitFor();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await page.waitForURL(/sel=/);
    await page.locator('[data-testid=panel-title]').waitFor();

    await page.goto(`${server.url}/?chain=chain:nev-parts&from=ent:s0153&to=seg:auto-parts`);
    await page.waitForFunction(() => /路径长度 \d+|没有路径/.test(document.querySelector('#path-result')?.textContent ?? ''));
    await expect(page.locator('#path-result').textContent()).resolves.toMatch(/路径长度 [1-6]/);
    const onPath = await page.evaluate(() => (window as unknown as CyWindow).cy.$('node.highlighted').map((n) => n.id()));
    expect(onPath).toEqual(expect.arrayContaining(['ent:s0153', 'seg:auto-parts']));
    await page.waitForTimeout(400); // let the fit animation end
    await page.screenshot({ path: `${ARTIFACTS}/path.png` });
    await page.close();
  });

  it('shows the responsibility view by task and by unit', async () => {
    const page = await open('/?view=responsibility');
    const rows = page.locator('[data-testid=task-table] tbody tr');
    await rows.first().waitFor();
    expect(await rows.count()).toBe(18);
    await expect(page.locator('[data-testid=task-table]').textContent()).resolves.toContain('市投促中心');
    await page.selectOption('#unit-select', { label: '市投促中心' });
    await page.waitForURL(/sel=unit/);
    await page.locator('[data-testid=unit-title]').waitFor();
    await expect(page.locator('[data-testid=unit-title]').textContent()).resolves.toBe('市投促中心 的任务');
    await expect(page.locator('#responsibility-view .card').textContent()).resolves.toMatch(/未解决缺口 \(\d+\)/);
    await page.screenshot({ path: `${ARTIFACTS}/responsibility.png` });
    await page.close();
  });

  it('shows plan targets with progress bars, by area', async () => {
    const page = await open('/?view=targets&area=anchao');
    await page.locator('#targets-view [data-testid=target]').first().waitFor();
    const targets = await page.locator('#targets-view [data-testid=target]').count();
    expect(targets).toBeGreaterThan(10);
    expect(await page.locator('#targets-view [role=progressbar]').count()).toBe(targets);
    await expect(page.locator('#targets-view h3').first().textContent()).resolves.toBe('规模总量');
    await expect(page.locator('#view-tabs [aria-current=page]').textContent()).resolves.toBe('目标进度');
    await page.screenshot({ path: `${ARTIFACTS}/targets.png` });
    await page.close();
  });

  it('exports the canvas as PNG and SVG', async () => {
    const page = await open('/?chain=chain:light-alloy');
    await mapReady(page);
    const [png] = await Promise.all([page.waitForEvent('download'), page.locator('#export-png').click()]);
    expect(
      readFileSync((await png.path())!)
        .subarray(1, 4)
        .toString(),
    ).toBe('PNG');
    const [svg] = await Promise.all([page.waitForEvent('download'), page.locator('#export-svg').click()]);
    const text = readFileSync((await svg.path())!, 'utf8');
    expect(text).toMatch(/^<svg xmlns/);
    expect(text).toContain('轻合金');
    await page.close();
  });

  it('draws a 5,000-element graph and keeps answering while panning and zooming', async () => {
    const page = await open('/?chain=chain:light-alloy');
    await mapReady(page);
    const result = await page.evaluate(async () => {
      const cy = (window as unknown as CyWindow).cy;
      const elements: import('cytoscape').ElementDefinition[] = [];
      for (let i = 0; i < 2000; i++)
        elements.push({
          group: 'nodes',
          data: { id: `perf${i}`, label: 'Enterprise', name: `企业${i}` },
          position: { x: (i % 50) * 60, y: Math.floor(i / 50) * 60 },
        });
      for (let i = 0; elements.length < 5000; i++)
        elements.push({ group: 'edges', data: { id: `perf-e${i}`, source: `perf${i % 2000}`, target: `perf${(i * 37 + 1) % 2000}`, type: 'SUPPLIES' } });
      cy.elements().remove();
      cy.add(elements);
      cy.fit();
      const frames: number[] = [];
      let last = performance.now();
      for (let f = 0; f < 40; f++) {
        if (f % 2) cy.panBy({ x: 15, y: 5 });
        else cy.zoom({ level: cy.zoom() * 1.02, renderedPosition: { x: 400, y: 300 } });
        await new Promise(requestAnimationFrame);
        const now = performance.now();
        frames.push(now - last);
        last = now;
      }
      frames.sort((a, b) => a - b);
      return { count: cy.elements().length, frames: frames.length, median: frames[20]! };
    });
    console.log(`5k frames: median ${result.median.toFixed(1)} ms`);
    expect(result).toMatchObject({ count: 5000, frames: 40 });
    // Frame times are measured by `npm run bench` (bench/README.md), not asserted here.
    await page.close();
  });

  it('raised no page errors', () => {
    expect(errors).toEqual([]);
  });
});
