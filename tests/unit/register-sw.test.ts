import { describe, expect, it } from 'vitest';
import { canRegister } from '../../src/io/register-sw.ts';

describe('canRegister', () => {
  const base = { prod: true, protocol: 'https:', hasServiceWorker: true };

  it('registers the offline worker in a production build served over http(s)', () => {
    expect(canRegister(base)).toBe(true);
    expect(canRegister({ ...base, protocol: 'http:' })).toBe(true);
  });

  it('never registers in vite dev, from a file:// copy, or without service-worker support', () => {
    expect(canRegister({ ...base, prod: false })).toBe(false);
    expect(canRegister({ ...base, protocol: 'file:' })).toBe(false);
    expect(canRegister({ ...base, hasServiceWorker: false })).toBe(false);
  });
});
