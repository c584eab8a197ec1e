import { DISABLED_AUTH } from '../../server/auth/auth-options.ts';
import { mkdirSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canRunBrowser, launchBrowser } from '../support/browser.ts';
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
      const stale = await page.evaluate(() => (window as unknown as CyWindow).cy.nodes('[label = "Segment"]').filter((n) => (n.data('chainIds') ?? []).includes('chain:nev-parts')).length);
      expect(stale).toBe(0);
      await page.screenshot({ path: `${ARTIFACTS}/offline-map.png` });
      await page.context().setOffline(false);
      await failure.waitFor({ state: 'hidden' });
      await mapReady(page);
      const chains = await page.evaluate(() => [...new Set((window as unknown as CyWindow).cy.nodes('[label = "Segment"]').map((n) => (n.data('chainIds') ?? []) as string[]).flat())]);
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

  it('raised no page errors', () => {
    expect(errors).toEqual([]);
  });
});
