import { readdirSync, readFileSync } from 'node:fs';

/**
 * Server memory read from /proc (Linux only). Two measures, each for a different question:
 *
 * - privateRssKiB: resident memory minus shared memory (VmRSS − RssShmem) of one process. A
 *   PostgreSQL backend's VmRSS also counts the shared_buffers pages it touched, which belong to
 *   the whole cluster and would make any scan look like growth; pgsqlite has no shared memory
 *   to speak of, so for it this is VmRSS.
 * - treePssKiB: proportional set size (each shared page divided among the processes sharing it)
 *   summed over a process and its children. Summing plain RSS over PostgreSQL's backends would
 *   count shared_buffers and the binary once per backend; PSS sums to what the server really uses.
 */

/** A `Name:   123 kB` field of /proc/<pid>/status or smaps_rollup, in KiB. */
function fieldKiB(text: string, name: string): number {
  const match = new RegExp(`^${name}:\\s+(\\d+) kB$`, 'm').exec(text);
  if (!match) throw new Error(`no ${name} field in /proc output`);
  return Number(match[1]);
}

export function privateRssKiB(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return fieldKiB(status, 'VmRSS') - fieldKiB(status, 'RssShmem');
}

export function treePssKiB(rootPid: number): number {
  let total = 0;
  for (const pid of [rootPid, ...childrenOf(rootPid)]) {
    try {
      total += fieldKiB(readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8'), 'Pss');
    } catch (err) {
      // A backend that exited between the listing and the read used no memory any more.
      if (pid === rootPid) throw err;
    }
  }
  return total;
}

/** Direct children only: PostgreSQL's backends and auxiliary processes are all the postmaster's children. */
export function childrenOf(parentPid: number): number[] {
  const children: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      // Field 4 (ppid) follows the command name, which may itself contain spaces and parentheses.
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid === parentPid) children.push(Number(entry));
    } catch {
      // The process ended while we looked.
    }
  }
  return children;
}
