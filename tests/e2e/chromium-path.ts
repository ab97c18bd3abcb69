// See scripts/lib/browser/chromium-path.ts (shared with `npm test` and the bench).
export * from '../../scripts/lib/browser/chromium-path.ts';
