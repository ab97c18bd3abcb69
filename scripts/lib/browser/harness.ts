/**
 * Shared set-up for the browser tests: serves the e2e build (`dist-e2e/`, made by `vite build --mode e2e`: the
 * production app plus the test hooks `window.__map` / `window.__mapIdle`) with Vite's
 * preview server on a free port, and drives Debian Chromium with playwright-core. WebGL2 comes from
 * SwiftShader (flags from ../shared/docs/toolchain.md §3). Every page is checked for uncaught errors and for
 * requests leaving localhost (the app must be offline and private by default).
 */
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { type PreviewServer, preview } from 'vite';
import { E2E_MODE, E2E_OUT_DIR } from '../build-dirs.ts';
import { findChromium } from './chromium-path.ts';

export { E2E_OUT_DIR } from '../build-dirs.ts';

export const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--enable-unsafe-swiftshader',
  '--use-angle=swiftshader',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface Harness {
  base: string;
  browser: Browser;
  close(): Promise<void>;
}

export async function startHarness(): Promise<Harness> {
  const executablePath = findChromium();
  if (!executablePath) throw new Error('Chromium introuvable : sudo apt-get install -y chromium');
  if (!existsSync(join(E2E_OUT_DIR, 'index.html')))
    throw new Error(
      `${E2E_OUT_DIR}/ absent : construisez d’abord l’application de test (npx vite build --mode e2e)`,
    );
  const server: PreviewServer = await preview({
    mode: E2E_MODE,
    preview: { host: '127.0.0.1', port: 0, strictPort: false },
    logLevel: 'silent',
  });
  const base = server.resolvedUrls?.local[0];
  if (!base) throw new Error('Le serveur de prévisualisation n’a pas donné d’adresse');
  const browser = await chromium.launch({ executablePath, headless: true, args: CHROMIUM_FLAGS });
  return {
    base: base.replace(/\/$/, ''),
    browser,
    async close() {
      await browser.close();
      await server.close();
    },
  };
}

export interface OpenedPage {
  context: BrowserContext;
  page: Page;
  /** Uncaught page errors and console errors seen so far. */
  errors: string[];
  /** Requests that went to another host than the preview server. */
  externalRequests: string[];
}

export async function openPage(
  harness: Harness,
  path: string,
  options: {
    viewport?: { width: number; height: number };
    reducedMotion?: boolean;
    /** The service worker precaches ~10 MB after load: only the offline test needs it. */
    serviceWorkers?: 'allow' | 'block';
  } = {},
): Promise<OpenedPage> {
  const context = await harness.browser.newContext({
    serviceWorkers: options.serviceWorkers ?? 'block',
    viewport: options.viewport ?? { width: 1280, height: 800 },
    locale: 'fr-FR',
    reducedMotion: options.reducedMotion === false ? 'no-preference' : 'reduce',
    acceptDownloads: true,
  });
  const page = await context.newPage();
  const errors: string[] = [];
  const externalRequests: string[] = [];
  const origin = new URL(harness.base).origin;
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()}`);
  });
  page.on('request', (request) => {
    const url = request.url();
    if (/^(data|blob):/.test(url)) return;
    if (!url.startsWith(origin)) externalRequests.push(url);
  });
  await page.goto(`${harness.base}${path}`);
  return { context, page, errors, externalRequests };
}

/** Waits for the first `idle` of the map (the app sets `window.__mapIdle` then). */
export async function waitForMapIdle(page: Page, timeout = 30_000): Promise<number> {
  await page.waitForFunction(
    () => typeof (window as unknown as { __mapIdle?: number }).__mapIdle === 'number',
    null,
    {
      timeout,
    },
  );
  return page.evaluate(() => (window as unknown as { __mapIdle: number }).__mapIdle);
}

export function screenshotPath(name: string): string {
  mkdirSync('test-results/screenshots', { recursive: true });
  return `test-results/screenshots/${name}.png`;
}
