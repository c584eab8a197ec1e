import { mkdirSync, readFileSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canRunBrowser, launchBrowser } from '../support/browser.ts';
import { DISABLED_AUTH } from '../../server/auth/auth-options.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';

/*
 * The findings of the issue-15 walkthrough (planners and 招商 staff using the
 * explorer all day), each reproduced at the sizes they were seen at.
 */

const ARTIFACTS = 'test/artifacts';
const DESKTOP = { width: 1440, height: 900 };
const LAPTOP = { width: 1024, height: 700 };
const PHONE = { width: 390, height: 844 };

type CyWindow = { cy: import('cytoscape').Core };
type Box = { x: number; y: number; width: number; height: number };

const overlaps = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

async function mapReady(page: Page, pattern = /\d+ (个环节|segments)/): Promise<void> {
  await page.waitForFunction((source) => new RegExp(source).test(document.querySelector('#status')?.textContent ?? ''), pattern.source);
}

/** Page width beyond the window (sideways scrolling), in px. */
const sidewaysOverflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

describe.runIf(canRunBrowser)('the explorer as planners and 招商 staff use it all day (issue 15)', () => {
  let server: TestServer;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  const errors: string[] = [];
  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    server = await startTestServer({ auth: DISABLED_AUTH });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    for (const c of contexts) await c.close();
    await browser?.close();
    await server?.close();
  });

  async function open(path: string, viewport = DESKTOP): Promise<Page> {
    const context = await browser.newContext({ viewport, acceptDownloads: true });
    contexts.push(context);
    context.setDefaultTimeout(15_000);
    const page = await context.newPage();
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(server.url + path);
    return page;
  }

  describe('1. layout at 1440, 1024 and 390 px', () => {
    it('shrinking from 1440 to 1024 px keeps the canvas and the panel inside the window', async () => {
      const page = await open('/?chain=chain:nev-parts&sel=seg:bms');
      await page.locator('[data-testid=panel-title]').waitFor();
      await page.setViewportSize(LAPTOP);
      await page.waitForTimeout(300);
      expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0);
      const panel = (await page.locator('#panel').boundingBox())!;
      const canvas = (await page.locator('#cy').boundingBox())!;
      expect(panel.x + panel.width).toBeLessThanOrEqual(LAPTOP.width);
      expect(canvas.x + canvas.width).toBeLessThanOrEqual(panel.x + 1);
      // The drawing surface follows its box.
      const drawn = await page.evaluate(() => (window as unknown as CyWindow).cy.width());
      expect(Math.abs(drawn - canvas.width)).toBeLessThanOrEqual(2);
      await page.screenshot({ path: `${ARTIFACTS}/layout-1024.png` });
    });

    it('at 1440 px the map, legend and tools do not collide', async () => {
      const page = await open('/?chain=chain:nev-parts&sel=seg:bms');
      await page.locator('[data-testid=panel-title]').waitFor();
      await mapReady(page);
      expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0);
      const legend = (await page.locator('#legend').boundingBox())!;
      const tools = (await page.locator('#map-tools').boundingBox())!;
      expect(overlaps(legend, tools)).toBe(false);
      await page.screenshot({ path: `${ARTIFACTS}/layout-1440.png` });
    });

    it('on a phone the map takes the width, the panel sits below it, and the legend covers neither map nor tools', async () => {
      const page = await open('/?chain=chain:nev-parts&sel=seg:bms', PHONE);
      await page.locator('[data-testid=panel-title]').waitFor();
      await mapReady(page);
      expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0);
      const canvas = (await page.locator('#cy').boundingBox())!;
      const panel = (await page.locator('#panel').boundingBox())!;
      const legend = (await page.locator('#legend').boundingBox())!;
      const tools = (await page.locator('#map-tools').boundingBox())!;
      expect(canvas.width).toBeGreaterThanOrEqual(PHONE.width - 2);
      expect(canvas.height).toBeGreaterThanOrEqual(300);
      expect(panel.width).toBeGreaterThanOrEqual(PHONE.width - 2);
      expect(panel.y).toBeGreaterThanOrEqual(canvas.y + canvas.height - 1);
      expect(overlaps(legend, tools)).toBe(false);
      expect((legend.width * legend.height) / (canvas.width * canvas.height)).toBeLessThan(0.15);
      await page.screenshot({ path: `${ARTIFACTS}/phone-map.png`, fullPage: true });
    });

    it('on a phone the gap list, the candidates and the targets read without sideways scrolling', async () => {
      const page = await open('/?chain=chain:nev-parts&sel=seg:bms', PHONE);
      await page.locator('[data-testid=find-candidates]').first().waitFor();
      expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0);
      await page.screenshot({ path: `${ARTIFACTS}/phone-gaps.png`, fullPage: true });
      await page.locator('[data-testid=find-candidates]').first().click();
      await page.locator('[data-testid=candidate]').first().waitFor();
      expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0);
      const table = (await page.locator('[data-testid=candidates]').boundingBox())!;
      expect(table.x + table.width).toBeLessThanOrEqual(PHONE.width);
      await page.screenshot({ path: `${ARTIFACTS}/phone-candidates.png`, fullPage: true });
      await page.goto(`${server.url}/?view=targets`);
      await page.locator('#targets-view [data-testid=target]').first().waitFor();
      expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0);
      await page.screenshot({ path: `${ARTIFACTS}/phone-targets.png` });
    });
  });

  describe('2. gap display', () => {
    it('the legend counts the gap borders the map draws, plan-named gaps included', async () => {
      const page = await open('/?chain=chain:next-gen-it');
      await mapReady(page);
      const drawn = await page.evaluate(() => {
        const cy = (window as unknown as CyWindow).cy;
        return Object.fromEntries(['fill', 'strengthen', 'extend'].map((k) => [k, cy.nodes(`[gapKind = "${k}"]`).length]));
      });
      expect(drawn.fill).toBeGreaterThanOrEqual(2);
      for (const kind of ['fill', 'strengthen', 'extend']) {
        await expect(page.locator(`[data-testid=legend-${kind}]`).textContent()).resolves.toMatch(new RegExp(` ${drawn[kind]}$`));
      }
    });

    it('a plan gap named for both areas is one entry, marked as named by the plan, with a search per area', async () => {
      const page = await open('/?chain=chain:next-gen-it&sel=seg:packaging-test');
      await page.locator('#panel .gap').first().waitFor();
      const entries = await page
        .locator('#panel .gap')
        .evaluateAll((els) => els.map((e) => ({ kind: e.querySelector('[data-gap-kind]')?.getAttribute('data-gap-kind'), text: e.textContent ?? '' })));
      const fills = entries.filter((e) => e.kind === 'fill');
      expect(fills).toHaveLength(1);
      expect(fills[0]!.text).toContain('规划点名');
      expect(fills[0]!.text).toContain('巢湖市、安巢经开区');
      expect(await page.locator('#panel .gap[data-gap-id] [data-testid=find-candidates]').count()).toBeGreaterThanOrEqual(2);
      await page.screenshot({ path: `${ARTIFACTS}/gap-entries.png` });
    });

    it('where the plan names no unit for an area, the panel says so rather than 暂无数据', async () => {
      const page = await open('/?chain=chain:light-alloy&area=anchao');
      await mapReady(page);
      const gapSegment = await page.evaluate(() => (window as unknown as CyWindow).cy.nodes('[gapKind]').first().id());
      expect(gapSegment).toBeTruthy();
      await page.goto(`${server.url}/?chain=chain:light-alloy&area=anchao&sel=${encodeURIComponent(gapSegment)}`);
      await page.locator('#panel .gap').first().waitFor();
      const units = page.locator('#panel .gap').first();
      await expect(units.locator('[data-testid=no-units]').textContent()).resolves.toBe('规划未在此指派责任单位');
      await expect(units.textContent()).resolves.not.toContain('暂无数据');
    });
  });

  describe('4. the explanation path', () => {
    it('sets the candidate apart, names and colours edges by kind, and keeps labels readable', async () => {
      const page = await open('/?chain=chain:nev-parts&gap=gap:fill:seg:bms:all');
      await page.locator('[data-testid=candidate]').first().click();
      await page.waitForURL(/cand=/);
      await page.waitForFunction(() => (window as unknown as CyWindow).cy.$('node.highlighted').length >= 2);
      await page.waitForTimeout(500); // the fit animation
      const candId = new URL(page.url()).searchParams.get('cand')!;
      const seen = await page.evaluate((id) => {
        const cy = (window as unknown as CyWindow).cy;
        const nodes = cy.nodes('.highlighted[label = "Enterprise"]');
        return {
          candidateShape: cy.getElementById(id).style('shape'),
          otherShapes: nodes.filter((n) => n.id() !== id).map((n) => n.style('shape')),
          edgeLabels: cy.edges('.highlighted').map((e) => String(e.style('label'))),
          edgeColours: [...new Set(cy.edges('.highlighted').map((e) => e.style('line-color')))],
          edgeTypes: [...new Set(cy.edges('.highlighted').map((e) => e.data('type')))],
          labelPx: nodes.map((n) => parseFloat(n.style('font-size')) * cy.zoom()),
          labelGround: nodes.map((n) => Number(n.style('text-background-opacity'))),
        };
      }, candId);
      expect(seen.candidateShape).toBe('diamond');
      expect(seen.otherShapes).not.toContain('diamond');
      expect(seen.edgeLabels.length).toBeGreaterThan(0);
      for (const label of seen.edgeLabels) expect(label).not.toBe('');
      expect(seen.edgeLabels).toContain('供货');
      expect(seen.edgeColours.length).toBe(seen.edgeTypes.length);
      expect(Math.min(...seen.labelPx)).toBeGreaterThanOrEqual(11.5);
      expect(seen.labelGround.every((o) => o === 1)).toBe(true);
      await page.screenshot({ path: `${ARTIFACTS}/explanation-path.png` });
    });
  });

  describe('8. exports and links keep their context', () => {
    it('PNG and SVG carry title, chain, area, date and legend', async () => {
      const page = await open('/?chain=chain:light-alloy&area=chaohu');
      await mapReady(page);
      const today = new Date().toISOString().slice(0, 10);
      const [svg] = await Promise.all([page.waitForEvent('download'), page.locator('#export-svg').click()]);
      const text = readFileSync((await svg.path())!, 'utf8');
      expect(svg.suggestedFilename()).toContain('高性能轻合金');
      expect(text).toMatch(/data-role="title">产业链图谱</);
      expect(text).toContain(`高性能轻合金 · 巢湖市 · 导出于 ${today}`);
      expect(text).toMatch(/data-role="legend">.*较强.*补链 \d+.*强链 \d+.*延链 \d+/s);
      const [png] = await Promise.all([page.waitForEvent('download'), page.locator('#export-png').click()]);
      const bytes = readFileSync((await png.path())!);
      const pngHeight = bytes.readUInt32BE(20);
      const mapHeight = await page.evaluate(
        () =>
          new Promise<number>((resolve) => {
            const img = new Image();
            img.onload = () => resolve(img.height);
            img.src = (window as unknown as CyWindow).cy.png({ full: true, scale: 2 });
          }),
      );
      // Title band above and legend band below the map, at the same scale.
      expect(pngHeight).toBe(mapHeight + 2 * (64 + 40));
      // The title band is drawn, not blank.
      const inked = await page.evaluate(async (b64) => {
        const img = new Image();
        await new Promise((resolve) => {
          img.onload = resolve;
          img.src = `data:image/png;base64,${b64}`;
        });
        const c = document.createElement('canvas');
        c.width = img.width;
        c.height = 128;
        const g = c.getContext('2d')!;
        g.drawImage(img, 0, 0);
        const data = g.getImageData(0, 0, c.width, c.height).data;
        let dark = 0;
        for (let i = 0; i < data.length; i += 4) if (data[i]! < 128) dark++;
        return dark;
      }, bytes.toString('base64'));
      expect(inked).toBeGreaterThan(200);
    });

    it('nodes added by 展开邻居 come back from a copied link', async () => {
      const page = await open('/?chain=chain:nev-parts&sel=ent:s0153');
      await page.locator('[data-testid=expand]').waitFor();
      const before = await page.evaluate(() => (window as unknown as CyWindow).cy.nodes().length);
      await page.locator('[data-testid=expand]').click();
      await page.waitForFunction((n) => (window as unknown as CyWindow).cy.nodes().length > n, before);
      await page.waitForTimeout(300);
      const ids = await page.evaluate(() =>
        (window as unknown as CyWindow).cy
          .nodes()
          .map((n) => n.id())
          .sort(),
      );
      const link = page.url();
      expect(link).toContain('expand=');
      const again = await open(link.replace(server.url, ''));
      await again.waitForFunction((n) => (window as unknown as CyWindow).cy.nodes().length >= n, ids.length);
      const restored = await again.evaluate(() =>
        (window as unknown as CyWindow).cy
          .nodes()
          .map((n) => n.id())
          .sort(),
      );
      expect(restored).toEqual(ids);
    });
  });

  describe('5. failures are visible and recoverable', () => {
    it('offline, switching chain says so on the map with a retry, and the map comes back with the network', async () => {
      const page = await open('/?chain=chain:nev-parts');
      await mapReady(page);
      await page.context().setOffline(true);
      await page.selectOption('#chain-select', 'chain:light-alloy');
      const failure = page.locator('#map-error');
      await failure.waitFor();
      await expect(failure.textContent()).resolves.toMatch(/加载失败/);
      expect(await failure.locator('button', { hasText: '重试' }).isVisible()).toBe(true);
      const size = await failure.evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
      expect(size).toBeGreaterThanOrEqual(14);
      // The old chain is not left on the canvas as if it were the chosen one.
      const stale = await page.evaluate(
        () => (window as unknown as CyWindow).cy.nodes('[label = "Segment"]').filter((n) => (n.data('chainIds') ?? []).includes('chain:nev-parts')).length,
      );
      expect(stale).toBe(0);
      await page.screenshot({ path: `${ARTIFACTS}/offline-map.png` });
      await page.context().setOffline(false);
      await failure.waitFor({ state: 'hidden' });
      await mapReady(page);
      const chains = await page.evaluate(() => [
        ...new Set(
          (window as unknown as CyWindow).cy
            .nodes('[label = "Segment"]')
            .map((n) => (n.data('chainIds') ?? []) as string[])
            .flat(),
        ),
      ]);
      expect(chains).toContain('chain:light-alloy');
    });

    it('a deep link to an unknown chain falls back to all chains and says why', async () => {
      const page = await open('/?chain=chain:nope');
      await mapReady(page);
      await expect(page.locator('#notice').textContent()).resolves.toContain('chain:nope');
      expect(new URL(page.url()).searchParams.get('chain')).toBeNull();
      await expect(page.locator('#chain-select').inputValue()).resolves.toBe('');
      expect(await page.evaluate(() => (window as unknown as CyWindow).cy.nodes().length)).toBeGreaterThan(20);
    });

    it('a link to an unknown node says it does not exist, not that loading failed', async () => {
      const page = await open('/?sel=ent:nope');
      await mapReady(page);
      const panel = page.locator('#panel');
      await panel.locator('text=/找不到/').waitFor();
      await expect(panel.textContent()).resolves.not.toMatch(/加载失败/);
    });
  });

  describe('6. GraphiQL on an intranet', () => {
    it('works with the browser offline: its code comes from the product', async () => {
      const context = await browser.newContext({ viewport: DESKTOP });
      contexts.push(context);
      const page = await context.newPage();
      const external: string[] = [];
      const pageErrors: string[] = [];
      page.on('pageerror', (e) => pageErrors.push(e.message));
      // Everything but the product itself fails, as on an intranet with no internet.
      await context.route(/^https?:\/\/(?!127\.0\.0\.1)/, (route) => {
        external.push(route.request().url());
        return route.abort('internetdisconnected');
      });
      await page.goto(`${server.url}/graphql`);
      await page.locator('.graphiql-container').first().waitFor({ timeout: 20_000 });
      expect(pageErrors).toEqual([]);
      expect(external).toEqual([]);
      await page.screenshot({ path: `${ARTIFACTS}/graphiql-offline.png` });
    });
  });

  describe('7. names and language', () => {
    it('search finds chains and segments by the words users say (新型显示, 半导体)', async () => {
      const page = await open('/?chain=chain:nev-parts');
      await mapReady(page);
      const hits = async (text: string) => {
        await page.locator('#search-input').fill(text);
        await page.locator('#search-list li[data-id]').first().waitFor();
        return page.locator('#search-list li[data-id]').evaluateAll((lis) => lis.map((li) => ({ id: li.getAttribute('data-id'), text: li.textContent })));
      };
      const display = await hits('新型显示');
      expect(display.map((h) => h.id)).toEqual(expect.arrayContaining(['chain:functional-materials', 'seg:display-panel']));
      expect(display.find((h) => h.id === 'chain:functional-materials')!.text).toContain('又称 新型显示');
      await page.screenshot({ path: `${ARTIFACTS}/search-alias.png` });
      const semi = await hits('半导体');
      expect(semi.map((h) => h.id)).toContain('chain:next-gen-it');
      await page.keyboard.press('Escape');
    });

    it('in English the header stays on one row at 1440 px, reasons name segments and targets in English', async () => {
      const page = await open('/?chain=chain:nev-parts&gap=gap:fill:seg:bms:all&lang=en');
      await page.locator('[data-testid=candidate]').first().waitFor();
      const header = (await page.locator('.topbar').boundingBox())!;
      expect(header.height).toBeLessThan(50);
      const reasons = await page
        .locator('[data-testid=candidates] tbody tr')
        .evaluateAll((rows) => rows.map((r) => r.querySelector('td:nth-child(2) > div:not(.hint)')?.textContent ?? ''));
      const operates = reasons.map((r) => /operates in ([^,;.]+)/.exec(r)?.[1]).filter(Boolean);
      expect(operates.length).toBeGreaterThan(0);
      for (const name of operates) expect(name).not.toMatch(/\p{Script=Han}/u);
      await page.screenshot({ path: `${ARTIFACTS}/english-candidates.png` });
      await page.goto(`${server.url}/?view=targets&lang=en`);
      await page.locator('#targets-view [data-testid=target]').first().waitFor();
      await expect(page.locator('#targets-view h3').first().textContent()).resolves.toBe('Scale');
      const titles = await page.locator('#targets-view [data-testid=target] h4').allTextContents();
      expect(titles).toContain('New above-scale industrial enterprises');
      expect(titles.filter((x) => /^\p{Script=Han}/u.test(x))).toEqual([]);
      await page.screenshot({ path: `${ARTIFACTS}/english-targets.png` });
    });

    it('the path bar names both ends, even when no path joins them', async () => {
      const page = await open('/?chain=chain:nev-parts&from=ent:s0277&to=ent:s0153');
      await page.waitForFunction(() => /没有路径|路径长度/.test(document.querySelector('#path-result')?.textContent ?? ''));
      const bar = (await page.locator('#pathbar').textContent())!;
      expect(bar).toContain('没有路径');
      expect(bar).toContain('起点：居巢示例博德水泥有限责任公司');
      expect(bar).not.toMatch(/ent:s0/);
    });
  });

  it('raised no page errors', () => {
    expect(errors).toEqual([]);
  });
});
