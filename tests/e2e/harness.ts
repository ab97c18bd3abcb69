// The browser harness lives in scripts/lib/browser/ (the bench drives Chromium too, and scripts never import tests).
export * from '../../scripts/lib/browser/harness.ts';
