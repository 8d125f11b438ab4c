import { join } from 'node:path';
import { pgbenchPath } from '../../test/support/pg-bin.js';
import { runCommand } from '../../test/support/run-command.js';
import type { Endpoint } from './types.js';

export interface PgbenchRun {
  /** -b: one of pgbench's built-in scripts, or -f: a script file. */
  script: 'select-only' | 'tpcb-like' | { file: string };
  clients: number;
  threads: number;
  seconds: number;
  protocol: 'simple' | 'prepared';
  /**
   * pgbench vacuums the branch/teller tables and truncates history before a run unless -n;
   * that keeps repeated TPC-B rounds comparable, and is pointless for select-only.
   */
  vacuum: boolean;
  /** -l: per-transaction logs into this (empty) directory, for latency percentiles; see pgbench-log.ts. */
  logDir?: string;
}

/** `pgbench -i -s <scale>`: drops and recreates the pgbench tables. */
export async function pgbenchInit(endpoint: Endpoint, scale: number): Promise<void> {
  const result = await runCommand(pgbenchPath(), ['-i', '-q', '-s', String(scale)], {
    env: endpoint.libpqEnv(),
    timeoutMs: 300_000,
  });
  if (result.code !== 0) throw new Error(`pgbench -i failed (exit ${result.code}):\n${result.stderr}${result.stdout}`);
}

/** Runs pgbench and returns its TPS (excluding connection time); any failed transaction is an error. */
export async function pgbenchTps(endpoint: Endpoint, run: PgbenchRun): Promise<number> {
  return (await pgbenchRun(endpoint, run)).tps;
}

/** Runs pgbench; TPS (excluding connection time), transactions done and the average latency in ms. */
export async function pgbenchRun(endpoint: Endpoint, run: PgbenchRun): Promise<{ tps: number; transactions: number; latencyMs: number }> {
  const args = [
    ...(typeof run.script === 'string' ? ['-b', run.script] : ['-f', run.script.file]),
    '-c', String(run.clients),
    '-j', String(run.threads),
    '-T', String(run.seconds),
    '-M', run.protocol,
    ...(run.vacuum ? [] : ['-n']),
    ...(run.logDir === undefined ? [] : ['-l', `--log-prefix=${join(run.logDir, 'pgbench_log')}`]),
  ];
  const result = await runCommand(pgbenchPath(), args, {
    env: endpoint.libpqEnv(),
    // Generous: pgbench can overrun -T while it waits for the last transactions and disconnects.
    timeoutMs: (run.seconds + 120) * 1000,
  });
  const output = `${result.stdout}${result.stderr}`;
  if (result.code !== 0) throw new Error(`pgbench ${args.join(' ')} failed (exit ${result.code}):\n${output}`);
  const failed = /number of failed transactions: (\d+)/.exec(output);
  if (failed && Number(failed[1]) > 0) throw new Error(`pgbench ${args.join(' ')}: ${failed[1]} failed transactions:\n${output}`);
  const tps = /^tps = ([\d.]+)/m.exec(output);
  if (!tps) throw new Error(`no tps line in pgbench output:\n${output}`);
  const latency = /^latency average = ([\d.]+) ms/m.exec(output);
  const processed = /number of transactions actually processed: (\d+)/.exec(output);
  if (!processed || Number(processed[1]) === 0) throw new Error(`pgbench ${args.join(' ')} processed no transactions:\n${output}`);
  return { tps: Number(tps[1]), transactions: Number(processed[1]), latencyMs: latency ? Number(latency[1]) : Number.NaN };
}
