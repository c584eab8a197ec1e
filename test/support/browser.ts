import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * Whether end-to-end tests can run. In CI a missing browser is a failure, not
 * a skip: the tests then run and fail at launch with the path they looked for.
 */
export const canRunBrowser = existsSync(CHROMIUM_PATH) || Boolean(process.env.CI);
if (!canRunBrowser) console.warn(`end-to-end tests SKIPPED: no Chromium at ${CHROMIUM_PATH} (apt-get install -y chromium)`);

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-quic',
      '--no-first-run',
    ],
  });
}
