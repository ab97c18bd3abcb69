/**
 * CPU time of a process tree on Linux, for the map benchmark (scripts/bench/map-load.ts): how much processor work
 * Chromium (browser, renderer, GPU process with its software WebGL, workers) spends on a page load, next to the
 * wall-clock time, split into the page (renderer: JavaScript, layout, the MapLibre worker), the GPU process (here
 * SwiftShader, the software WebGL) and the browser. Reads: `/proc/<pid>/stat` of every process and
 * `/proc/<pid>/cmdline` of Chromium's. Writes: nothing. Elsewhere than Linux,
 * {@link cpuSnapshot} returns null and the benchmark says the figure was not measured.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';

/** Clock ticks per second of `/proc/<pid>/stat` times (USER_HZ: 100 on every Linux architecture Node supports). */
const TICKS_PER_SECOND = 100;

export interface ProcStat {
  pid: number;
  ppid: number;
  /** utime + stime, in ms. */
  cpuMs: number;
}

/**
 * One `/proc/<pid>/stat` line. The command name (2nd field) is between parentheses and may itself hold spaces and
 * parentheses: the fields are counted from the last `)`. Null when the line is not one.
 */
export function parseProcStat(line: string): ProcStat | null {
  const open = line.indexOf('(');
  const close = line.lastIndexOf(')');
  if (open < 1 || close < open) return null;
  const pid = Number(line.slice(0, open).trim());
  // After the name: state ppid pgrp session tty_nr tpgid flags minflt cminflt majflt cmajflt utime stime …
  const fields = line
    .slice(close + 1)
    .trim()
    .split(/\s+/);
  const ppid = Number(fields[1]);
  const utime = Number(fields[11]);
  const stime = Number(fields[12]);
  if (![pid, ppid, utime, stime].every(Number.isInteger)) return null;
  return { pid, ppid, cpuMs: ((utime + stime) * 1000) / TICKS_PER_SECOND };
}

/** CPU ms of each process of the tree rooted at `rootPid` (the root included), by pid. */
export type CpuSnapshot = Map<number, number>;

/** The tree's processes and their CPU time now; null where `/proc` does not exist. */
export function cpuSnapshot(rootPid: number): CpuSnapshot | null {
  if (!existsSync('/proc/self/stat')) return null;
  const stats: ProcStat[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = parseProcStat(readFileSync(`/proc/${name}/stat`, 'utf8'));
      if (stat) stats.push(stat);
    } catch {
      // The process ended while the directory was read.
    }
  }
  return treeOf(stats, rootPid);
}

/** The processes descending from `rootPid` (itself included), with their CPU time. */
export function treeOf(stats: readonly ProcStat[], rootPid: number): CpuSnapshot {
  const children = new Map<number, ProcStat[]>();
  for (const stat of stats) children.set(stat.ppid, [...(children.get(stat.ppid) ?? []), stat]);
  const tree: CpuSnapshot = new Map();
  const root = stats.find((stat) => stat.pid === rootPid);
  const queue = root ? [root] : [];
  while (queue.length > 0) {
    const stat = queue.pop()!;
    if (tree.has(stat.pid)) continue;
    tree.set(stat.pid, stat.cpuMs);
    queue.push(...(children.get(stat.pid) ?? []));
  }
  return tree;
}

/**
 * CPU ms the tree spent between two snapshots. A process born in between counts from zero; one that ended in
 * between (e.g. the renderer of the previous page) is left out rather than counted negative.
 */
export function cpuBetween(before: CpuSnapshot, after: CpuSnapshot): number {
  let sum = 0;
  for (const [pid, ms] of after) sum += ms - (before.get(pid) ?? 0);
  return sum;
}

/** What a Chromium process does, from its command line (`--type=…`; none for the browser process itself). */
export type ChromiumRole = 'page' | 'gpu' | 'navigateur';

/** The role of a Chromium process given its command line (arguments separated by NUL bytes or spaces). */
export function chromiumRole(commandLine: string): ChromiumRole {
  const type = /(?:^|[\0 ])--type=([\w-]+)/.exec(commandLine)?.[1];
  if (type === 'renderer') return 'page';
  if (type === 'gpu-process') return 'gpu';
  // The browser process, its network and storage services, the zygote.
  return 'navigateur';
}

/** The role of a running process (`navigateur` when its command line cannot be read). */
export function roleOf(pid: number): ChromiumRole {
  try {
    return chromiumRole(readFileSync(`/proc/${pid}/cmdline`, 'utf8'));
  } catch {
    return 'navigateur';
  }
}

/** {@link cpuBetween}, split by role (`role` names each process of `after`). */
export function cpuBetweenByRole(
  before: CpuSnapshot,
  after: CpuSnapshot,
  role: (pid: number) => ChromiumRole,
): Record<ChromiumRole, number> {
  const sums: Record<ChromiumRole, number> = { page: 0, gpu: 0, navigateur: 0 };
  for (const [pid, ms] of after) sums[role(pid)] += ms - (before.get(pid) ?? 0);
  return sums;
}
