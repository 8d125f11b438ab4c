import type { SqliteValue } from '../protocol/types/storage.js';
import type { StatementJob, StatementOutcome, StatementResult } from './engine-messages.js';

/**
 * The wire form of a group-commit batch and of its results (main thread ⇄ writer worker).
 *
 * Structured clone writes every key name of every object: a batch of ~30 INSERT jobs cost the
 * main thread ~35 µs to post, and its ~30 result objects had to be read back the same way, for a
 * few hundred bytes of numbers. Here the numbers of all jobs travel in one Float64Array (bigints
 * through a BigInt64Array over the same bytes), strings once each in a table (a batch usually
 * holds one SQL text and one time zone), and whatever is rare — a session context, COPY
 * parameter lists, a bytea parameter, a result with rows — in sparse side objects,
 * structured-cloned as before.
 */
export interface WireBatch {
  /**
   * Per job: its job id, sql, sessionId, contextVersion, timeZone (string indexes or numbers),
   * flags, the number of parameters and of result formats; then (tag, value) per parameter, the result
   * formats, and with typeHints their count and values (-1 for null).
   */
  numbers: Float64Array;
  /** Distinct strings — SQL texts, time zones, text parameters — referred to by index. */
  strings: string[];
  jobCount: number;
  /** Fields outside the compact form, by job index (absent for nearly every batch). */
  extras?: Record<number, Partial<StatementJob>>;
  /** Parameters that are not null, number, bigint or string (bytea), by their slot in `numbers`. */
  values?: Record<number, SqliteValue>;
}

/**
 * Results in the same spirit: a plain outcome (no rows, columns, notifications or setting
 * changes — an INSERT, UPDATE, DELETE) is four numbers; anything else is in `others`.
 */
export interface WireResults {
  /** Per result: rowCount, changes, lastInsertRowid, suspended (1/0); NaN rowCount: see others. */
  numbers: Float64Array;
  others?: Record<number, StatementResult>;
}

const PARAM_NULL = 0;
const PARAM_NUMBER = 1;
const PARAM_BIGINT = 2;
export const PARAM_STRING = 3;
const PARAM_OTHER = 4;

/**
 * One parameter as two slots, a tag and a value: a number as itself, a bigint through `bigints`
 * (a BigInt64Array over the same bytes), a string as its index from `intern`. Returns false for a
 * value that has no compact form (bytea): the caller keeps it aside, by the slot at + 1.
 */
export function writeParam(numbers: Float64Array, bigints: BigInt64Array, at: number, value: SqliteValue, intern: (text: string) => number): boolean {
  if (value === null) {
    numbers[at] = PARAM_NULL;
  } else if (typeof value === 'number') {
    numbers[at] = PARAM_NUMBER;
    numbers[at + 1] = value;
  } else if (typeof value === 'bigint') {
    numbers[at] = PARAM_BIGINT;
    bigints[at + 1] = value;
  } else if (typeof value === 'string') {
    numbers[at] = PARAM_STRING;
    numbers[at + 1] = intern(value);
  } else {
    numbers[at] = PARAM_OTHER;
    return false;
  }
  return true;
}

/** The parameter writeParam wrote at `at`; `values` holds the ones it returned false for. */
export function readParam(numbers: Float64Array, bigints: BigInt64Array, at: number, strings: string[], values: Record<number, SqliteValue> | undefined): SqliteValue {
  switch (numbers[at]) {
    case PARAM_NULL: return null;
    case PARAM_NUMBER: return numbers[at + 1]!;
    case PARAM_BIGINT: return bigints[at + 1]!;
    case PARAM_STRING: return strings[numbers[at + 1]!]!;
    default: return values![at + 1]!;
  }
}

const FLAG_STREAM = 1;
const FLAG_TYPE_HINTS = 2;
const HEADER = 8;

type CompactKey = 'sql' | 'params' | 'resultFormats' | 'typeHints' | 'timeZone' | 'sessionId' | 'contextVersion' | 'stream';
/**
 * The other keys of a job, which travel in `extras`. The check below fails to compile when
 * StatementJob gains a key that is in neither list, so a new field cannot be dropped on the way.
 */
const rareKeys = [
  'fixedTypes', 'maxRows', 'maxBytes', 'paramRows', 'multiRow', 'copyOut', 'transactionStart', 'transactionId', 'beginTransaction', 'liveCursors',
] as const satisfies readonly Exclude<keyof StatementJob, CompactKey | 'context'>[];
type Unlisted = Exclude<keyof StatementJob, CompactKey | 'context' | (typeof rareKeys)[number]>;
const everyKeyListed: [Unlisted] extends [never] ? true : never = true;
void everyKeyListed;

/**
 * Whether the job has any of rareKeys, by named reads: jobs share a shape, so these are cheap,
 * where a loop of `job[key]` (or a `for…in`) cost more than all the rest of the encoding.
 * batch-wire.test.ts checks each of rareKeys against this.
 */
function hasRareField(job: StatementJob): boolean {
  return job.fixedTypes !== undefined || job.maxRows !== undefined || job.maxBytes !== undefined || job.paramRows !== undefined
    || job.multiRow !== undefined || job.copyOut !== undefined || job.transactionStart !== undefined || job.transactionId !== undefined
    || job.beginTransaction !== undefined || job.liveCursors !== undefined;
}

/**
 * `sendContext` says whether the worker needs the job's session context (it caches them by
 * version); the context then travels in `extras`.
 */
export function encodeBatch(jobs: StatementJob[], jobIds: number[], sendContext: (job: StatementJob) => boolean): WireBatch {
  let size = 0;
  for (const job of jobs) size += HEADER + job.params.length * 2 + job.resultFormats.length + (job.typeHints ? 1 + job.typeHints.length : 0);
  const numbers = new Float64Array(size);
  const bigints = new BigInt64Array(numbers.buffer);
  const strings: string[] = [];
  const stringIndex = new Map<string, number>();
  const intern = (text: string): number => {
    let index = stringIndex.get(text);
    if (index === undefined) {
      index = strings.length;
      strings.push(text);
      stringIndex.set(text, index);
    }
    return index;
  };
  let extras: Record<number, Partial<StatementJob>> | undefined;
  let values: Record<number, SqliteValue> | undefined;
  let at = 0;
  for (let j = 0; j < jobs.length; j++) {
    const job = jobs[j]!;
    const { params, resultFormats, typeHints } = job;
    numbers[at] = jobIds[j]!;
    numbers[at + 1] = intern(job.sql);
    numbers[at + 2] = job.sessionId;
    numbers[at + 3] = job.contextVersion;
    numbers[at + 4] = intern(job.timeZone);
    numbers[at + 5] = (job.stream ? FLAG_STREAM : 0) | (typeHints ? FLAG_TYPE_HINTS : 0);
    numbers[at + 6] = params.length;
    numbers[at + 7] = resultFormats.length;
    at += HEADER;
    for (const value of params) {
      if (!writeParam(numbers, bigints, at, value, intern)) (values ??= {})[at + 1] = value;
      at += 2;
    }
    for (const format of resultFormats) numbers[at++] = format;
    if (typeHints) {
      numbers[at++] = typeHints.length;
      for (const hint of typeHints) numbers[at++] = hint ?? -1;
    }
    if (hasRareField(job)) {
      for (const key of rareKeys) {
        const value = job[key];
        if (value !== undefined) ((extras ??= {})[j] ??= {} as Record<string, unknown>)[key as 'sql'] = value as string;
      }
    }
    if (job.context && sendContext(job)) ((extras ??= {})[j] ??= {}).context = job.context;
  }
  const batch: WireBatch = { numbers, strings, jobCount: jobs.length };
  if (extras) batch.extras = extras;
  if (values) batch.values = values;
  return batch;
}

export function decodeBatch(batch: WireBatch): { jobs: StatementJob[]; jobIds: number[] } {
  const { numbers, strings, extras, values } = batch;
  const bigints = new BigInt64Array(numbers.buffer, numbers.byteOffset, numbers.length);
  const jobs: StatementJob[] = new Array(batch.jobCount);
  const jobIds: number[] = new Array(batch.jobCount);
  let at = 0;
  for (let j = 0; j < batch.jobCount; j++) {
    jobIds[j] = numbers[at]!;
    const flags = numbers[at + 5]!;
    const paramCount = numbers[at + 6]!;
    const formatCount = numbers[at + 7]!;
    const job: StatementJob = {
      sql: strings[numbers[at + 1]!]!,
      params: new Array(paramCount),
      resultFormats: new Array(formatCount),
      timeZone: strings[numbers[at + 4]!]!,
      sessionId: numbers[at + 2]!,
      contextVersion: numbers[at + 3]!,
    };
    if (flags & FLAG_STREAM) job.stream = true;
    at += HEADER;
    for (let p = 0; p < paramCount; p++, at += 2) job.params[p] = readParam(numbers, bigints, at, strings, values);
    for (let f = 0; f < formatCount; f++) job.resultFormats[f] = numbers[at++]!;
    if (flags & FLAG_TYPE_HINTS) {
      const hintCount = numbers[at++]!;
      const hints: (number | null)[] = new Array(hintCount);
      for (let h = 0; h < hintCount; h++, at++) hints[h] = numbers[at] === -1 ? null : numbers[at]!;
      job.typeHints = hints;
    }
    const extra = extras?.[j];
    if (extra) Object.assign(job, extra);
    jobs[j] = job;
  }
  return { jobs, jobIds };
}

/** A result the compact form can carry: an outcome without rows or side effects to report. */
function isPlain(result: StatementResult): boolean {
  if (!result.ok) return false;
  const { outcome } = result;
  return outcome.columns === null && outcome.rows === null && !outcome.notifications && !outcome.settingChanges;
}

export function encodeResults(results: StatementResult[]): WireResults {
  const numbers = new Float64Array(results.length * 4);
  let others: Record<number, StatementResult> | undefined;
  for (let i = 0; i < results.length; i++) {
    const result = results[i]!;
    const at = i * 4;
    if (!isPlain(result)) {
      numbers[at] = NaN;
      (others ??= {})[i] = result;
      continue;
    }
    const { outcome } = result as { ok: true; outcome: StatementOutcome };
    numbers[at] = outcome.rowCount;
    numbers[at + 1] = outcome.changes;
    numbers[at + 2] = outcome.lastInsertRowid;
    numbers[at + 3] = outcome.suspended ? 1 : 0;
  }
  return others ? { numbers, others } : { numbers };
}

export function decodeResults(wire: WireResults): StatementResult[] {
  const { numbers, others } = wire;
  const count = numbers.length / 4;
  const results: StatementResult[] = new Array(count);
  for (let i = 0; i < count; i++) {
    const at = i * 4;
    const rowCount = numbers[at]!;
    results[i] = Number.isNaN(rowCount) ? others![i]! : {
      ok: true,
      outcome: { columns: null, rows: null, rowCount, changes: numbers[at + 1]!, lastInsertRowid: numbers[at + 2]!, suspended: numbers[at + 3] === 1 },
    };
  }
  return results;
}
