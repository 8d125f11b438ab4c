import { readFileSync } from 'node:fs';
import { cpus } from 'node:os';

/**
 * How much of the machine's CPU went to processes outside this benchmark during the run.
 * On a shared machine that is the main source of noise, and the report should say so with a
 * number rather than leave the reader to guess. Linux only (/proc).
 *
 * Our own share is this process plus every child it has reaped (pgbench, the pgsqlite server,
 * the postmaster with the backends it reaped): Linux folds a reaped child's CPU time, and its
 * own reaped children's, into the parent's cutime/cstime. So read it after the servers stopped.
 */
export interface CpuShares {
  /** Fraction of all cores' time used by this benchmark (harness, servers, pgbench). */
  own: number;
  /** Fraction used by everything else on the machine. */
  others: number;
  /** Fraction the hypervisor gave to other guests (a VM's "steal"). */
  steal: number;
}

/** The clock-tick unit of /proc/stat and /proc/<pid>/stat: 100 on every mainstream Linux architecture. */
const USER_HZ = 100;

interface Snapshot {
  busy: number;
  steal: number;
  own: number;
}

export function startCpuAccounting(): () => CpuShares | undefined {
  const start = snapshot();
  const startedAt = process.hrtime.bigint();
  return () => {
    const end = snapshot();
    if (!start || !end) return undefined;
    const seconds = Number(process.hrtime.bigint() - startedAt) / 1e9;
    const capacity = seconds * USER_HZ * cpus().length;
    const busy = end.busy - start.busy;
    const own = end.own - start.own;
    return { own: own / capacity, others: Math.max(0, busy - own) / capacity, steal: (end.steal - start.steal) / capacity };
  };
}

function snapshot(): Snapshot | undefined {
  try {
    // cpu  user nice system idle iowait irq softirq steal guest guest_nice
    const cpuLine = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number);
    const [user, nice, system, , , irq, softirq, steal] = cpuLine as [number, number, number, number, number, number, number, number];
    // The comm field (2) may contain spaces; fields after its closing parenthesis are fixed.
    const self = readFileSync('/proc/self/stat', 'utf8');
    const fields = self.slice(self.lastIndexOf(')') + 2).split(' ').map(Number);
    // Fields 14–17 of stat (utime, stime, cutime, cstime) are 11–14 counted from field 3.
    const own = fields[11]! + fields[12]! + fields[13]! + fields[14]!;
    return { busy: user + nice + system + irq + softirq, steal, own };
  } catch {
    return undefined;
  }
}
