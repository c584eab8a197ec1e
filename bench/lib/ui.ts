import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { createServer } from 'vite';
import type { UiResult, Variant } from '../ui/bench-page.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const UI_DIR = fileURLToPath(new URL('../ui/', import.meta.url));
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Serves bench/ui with vite (it imports client/graph) and measures it in headless Chromium. */
export async function runUiBench(sizes: number[] = [1000, 5000], variants: Variant[] = ['product']): Promise<UiResult[]> {
  const vite = await createServer({
    configFile: false,
    root: UI_DIR,
    logLevel: 'error',
    server: { port: 0, host: '127.0.0.1', fs: { allow: [ROOT] }, hmr: false },
    optimizeDeps: { include: ['cytoscape', 'cytoscape-elk'] },
  });
  await vite.listen();
  const url = vite.resolvedUrls!.local[0]!;
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(url);
    await page
      .waitForFunction(() => (window as unknown as { benchReady?: boolean }).benchReady === true, null, { timeout: 120_000 })
      .catch(() => {
        throw new Error(`bench page did not load: ${errors.join('; ')}`);
      });
    const results: UiResult[] = [];
    page.setDefaultTimeout(180_000);
    for (const variant of variants) {
      for (const n of sizes) {
        results.push(
          await page.evaluate(([size, v]) => (window as unknown as { runBench: (n: number, v: Variant) => Promise<UiResult> }).runBench(size, v), [
            n,
            variant,
          ] as [number, Variant]),
        );
      }
    }
    return results;
  } finally {
    await browser.close();
    await vite.close();
  }
}
