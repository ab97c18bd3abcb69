// One browser session per test file, shared by the e2e files that open several pages: the harness (static
// server + Chromium) starts before the file's tests and closes after them, and every page the file opened is
// checked at the end for console errors and requests that left the machine.
import { afterAll, beforeAll, expect } from 'vitest';
import { type Harness, type OpenedPage, startHarness } from './harness.ts';

export interface BrowserSession {
  /** The running harness (available inside tests, after `beforeAll`). */
  readonly harness: Harness;
  /** Pages to check at the end: push every page the file opens. */
  readonly opened: OpenedPage[];
}

/**
 * Registers the file's `beforeAll`/`afterAll` and returns the session.
 *
 * @example
 * const session = browserSession();
 * it('…', async () => { const o = await openPage(session.harness, '/'); session.opened.push(o); });
 */
export function browserSession(): BrowserSession {
  let harness: Harness | undefined;
  const opened: OpenedPage[] = [];
  beforeAll(async () => {
    harness = await startHarness();
  });
  afterAll(async () => {
    for (const o of opened) {
      expect(o.errors).toEqual([]);
      expect(o.externalRequests).toEqual([]);
    }
    await harness?.close();
  });
  return {
    get harness(): Harness {
      if (!harness) throw new Error('The browser harness is not started yet (use it inside a test).');
      return harness;
    },
    opened,
  };
}
