/** Where Debian's Chromium is (or `CHROMIUM_PATH`); `null` when none is installed. */
import { existsSync } from 'node:fs';

export function findChromium(): string | null {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'];
  for (const candidate of candidates) {
    if (candidate && existsSync(candidate)) return candidate;
  }
  return null;
}
