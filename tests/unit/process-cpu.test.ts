// The CPU time of Chromium's processes in the map benchmark (scripts/lib/process-cpu.ts). Expected values are
// computed by hand from the `/proc/<pid>/stat` layout (proc(5): utime and stime are the 14th and 15th fields, in
// clock ticks of 1/100 s).
import { describe, expect, it } from 'vitest';
import {
  type ChromiumRole,
  chromiumRole,
  cpuBetween,
  cpuBetweenByRole,
  cpuSnapshot,
  parseProcStat,
  treeOf,
} from '../../scripts/lib/process-cpu.ts';

/** A stat line as Linux writes it: pid (comm) state ppid … utime stime … */
const line = (pid: number, comm: string, ppid: number, utime: number, stime: number) =>
  `${pid} (${comm}) S ${ppid} ${pid} ${pid} 0 -1 4194560 1200 0 3 0 ${utime} ${stime} 0 0 20 0 9 0 123456 0 0`;

describe('process CPU', () => {
  it('reads pid, parent and utime + stime from a stat line, whatever the command name holds', () => {
    expect(parseProcStat(line(4242, 'chromium', 1, 250, 37))).toEqual({ pid: 4242, ppid: 1, cpuMs: 2870 });
    // Spaces and parentheses in the name: fields are counted from the last « ) ».
    expect(parseProcStat(line(7, 'Web Content (x) )', 3, 1, 2))).toEqual({ pid: 7, ppid: 3, cpuMs: 30 });
    expect(parseProcStat('')).toBeNull();
    expect(parseProcStat('12 (truncated) S')).toBeNull();
    expect(parseProcStat('x (y) S 1 2 3')).toBeNull();
  });

  it('keeps the tree below the root only, grandchildren included', () => {
    const stats = [
      { pid: 10, ppid: 1, cpuMs: 100 },
      { pid: 11, ppid: 10, cpuMs: 20 },
      { pid: 12, ppid: 11, cpuMs: 5 },
      { pid: 13, ppid: 1, cpuMs: 999 },
    ];
    expect([...treeOf(stats, 10)].sort((a, b) => a[0] - b[0])).toEqual([
      [10, 100],
      [11, 20],
      [12, 5],
    ]);
    expect(treeOf(stats, 99).size).toBe(0);
  });

  it('counts a process born during the load from zero and leaves out one that ended', () => {
    const before = new Map([
      [10, 100],
      [11, 40],
      [12, 300],
    ]);
    const after = new Map([
      [10, 160],
      [11, 90],
      [14, 25],
    ]);
    // (160 − 100) + (90 − 40) + 25; pid 12 ended (its 300 ms are not subtracted).
    expect(cpuBetween(before, after)).toBe(135);
  });

  it('names each Chromium process by its --type and splits the CPU time by role', () => {
    const nul = (...args: string[]) => `${args.join('\0')}\0`;
    expect(chromiumRole(nul('/usr/lib/chromium/chromium', '--type=renderer', '--lang=fr-FR'))).toBe('page');
    expect(
      chromiumRole(nul('/usr/lib/chromium/chromium', '--type=gpu-process', '--use-angle=swiftshader')),
    ).toBe('gpu');
    expect(
      chromiumRole(
        nul(
          '/usr/lib/chromium/chromium',
          '--type=utility',
          '--utility-sub-type=network.mojom.NetworkService',
        ),
      ),
    ).toBe('navigateur');
    expect(chromiumRole(nul('/usr/lib/chromium/chromium', '--headless', '--remote-debugging-pipe'))).toBe(
      'navigateur',
    );
    // A « --type=renderer » inside another argument's value is not the process's type.
    expect(chromiumRole(nul('/usr/lib/chromium/chromium', '--flag=x--type=renderer'))).toBe('navigateur');
    const roles = new Map<number, ChromiumRole>([
      [1, 'navigateur'],
      [2, 'page'],
      [3, 'gpu'],
      [4, 'page'],
    ]);
    const before = new Map([
      [1, 100],
      [2, 50],
      [3, 10],
    ]);
    const after = new Map([
      [1, 130],
      [2, 250],
      [3, 90],
      [4, 40],
    ]);
    expect(cpuBetweenByRole(before, after, (pid) => roles.get(pid)!)).toEqual({
      navigateur: 30,
      page: 240,
      gpu: 80,
    });
  });

  it('reads this process’s CPU time as Node itself counts it, on Linux', () => {
    const snapshot = cpuSnapshot(process.pid);
    if (process.platform !== 'linux') {
      expect(snapshot).toBeNull();
      return;
    }
    expect(snapshot?.has(process.pid)).toBe(true);
    const ms = (usage: NodeJS.CpuUsage) => (usage.user + usage.system) / 1000;
    const before = cpuSnapshot(process.pid)!;
    const nodeBefore = process.cpuUsage();
    // Busy until Node reports 200 ms of CPU for this process, however loaded the machine is.
    let spin = 0;
    while (ms(process.cpuUsage(nodeBefore)) < 200) spin += Math.sqrt(spin + 1);
    const node = ms(process.cpuUsage(nodeBefore));
    const after = cpuSnapshot(process.pid)!;
    expect(spin).toBeGreaterThan(0);
    // Two clocks on the same process: /proc counts in ticks of 10 ms, and reading /proc costs a little CPU itself.
    const read = after.get(process.pid)! - before.get(process.pid)!;
    expect(Math.abs(read - node)).toBeLessThanOrEqual(50);
  });
});
