/**
 * Sequence functions (see src/sql/translate/sequences.ts for how nextval/setval become an UPDATE
 * of `pgsqlite_sequences`): the range checks of the new value, and the session's currval/lastval.
 *
 * currval and lastval belong to the session. Statements that call sequence functions run on the
 * database's writer (src/sql/classify.ts), so the values live in this module, per worker thread,
 * in a map keyed by the session's process id (bounded: sessions end without telling the worker).
 */
import type Database from 'better-sqlite3';
import { PgError } from '../protocol/pg-error.js';
import { SqlState } from '../protocol/sqlstate.js';
import { objectOid } from './catalog-oids.js';
import type { FunctionHost } from './session-functions.js';

type Code = ConstructorParameters<typeof PgError>[0]['code'];
const sequenceGeneratorLimitExceeded = '2200H' as Code;

interface SessionSequences {
  values: Map<string, bigint>;
  last?: string;
}

const sessions = new Map<number, SessionSequences>();
const MAX_SESSIONS = 10_000;

function sessionOf(processId: number): SessionSequences {
  let session = sessions.get(processId);
  if (session === undefined) {
    session = { values: new Map() };
    sessions.set(processId, session);
    if (sessions.size > MAX_SESSIONS) sessions.delete(sessions.keys().next().value as number);
  }
  return session;
}

const big = (value: unknown): bigint => (typeof value === 'bigint' ? value : BigInt(Number(value)));

/** The name a currval argument gives: a name, or a regclass OID (`'s'::regclass`). */
function nameOf(session: SessionSequences, value: unknown): string {
  // 'public.s' is s; 'sales.s' is the row name of sequence s of schema sales (src/sql/schema-names.ts).
  if (typeof value === 'string') return value.startsWith('public.') ? value.slice('public.'.length) : value;
  const oid = Number(value);
  for (const name of session.values.keys()) if (objectOid(name) === oid) return name;
  return String(value);
}

export function registerSequenceFunctions(db: Database.Database, host: FunctionHost): void {
  const options = { deterministic: false, safeIntegers: true } as const;
  db.function('pgsqlite_raise', options, (code: unknown, message: unknown) => {
    throw new PgError({ code: String(code) as Code, message: String(message) });
  });
  db.function('pgsqlite_sequence_exists', options, (name: unknown, count: unknown) => {
    if (big(count) === 0n) throw new PgError({ code: SqlState.undefinedTable, message: `relation "${String(name)}" does not exist` });
    return name;
  });
  db.function('pgsqlite_sequence_next', options,
    (name: unknown, last: unknown, isCalled: unknown, increment: unknown, min: unknown, max: unknown, cycle: unknown) => {
      const step = big(increment);
      if (big(isCalled) === 0n) return big(last);
      const next = big(last) + step;
      if (step > 0n && next > big(max)) {
        if (big(cycle) !== 0n) return big(min);
        throw new PgError({ code: sequenceGeneratorLimitExceeded, message: `nextval: reached maximum value of sequence "${String(name)}" (${big(max)})` });
      }
      if (step < 0n && next < big(min)) {
        if (big(cycle) !== 0n) return big(max);
        throw new PgError({ code: sequenceGeneratorLimitExceeded, message: `nextval: reached minimum value of sequence "${String(name)}" (${big(min)})` });
      }
      return next;
    });
  db.function('pgsqlite_sequence_check_value', options, (name: unknown, value: unknown, min: unknown, max: unknown) => {
    const v = big(value);
    if (v < big(min) || v > big(max)) {
      throw new PgError({
        code: SqlState.numericValueOutOfRange,
        message: `setval: value ${v} is out of bounds for sequence "${String(name)}" (${big(min)}..${big(max)})`,
      });
    }
    return v;
  });
  // kind: 1 nextval (sets currval and lastval), 3 setval(…, true) (sets currval), 2 setval(…, false).
  db.function('pgsqlite_sequence_used', options, (name: unknown, value: unknown, kind: unknown) => {
    const session = sessionOf(host.context().processId);
    const k = Number(kind);
    if (k !== 2) session.values.set(String(name), big(value));
    if (k === 1) session.last = String(name);
    return value;
  });
  db.function('currval', options, (sequence: unknown) => {
    const session = sessionOf(host.context().processId);
    const name = nameOf(session, sequence);
    const value = session.values.get(name);
    if (value === undefined) {
      throw new PgError({ code: SqlState.objectNotInPrerequisiteState, message: `currval of sequence "${name}" is not yet defined in this session` });
    }
    return value;
  });
  db.function('lastval', options, () => {
    const session = sessionOf(host.context().processId);
    const value = session.last === undefined ? undefined : session.values.get(session.last);
    if (value === undefined) throw new PgError({ code: SqlState.objectNotInPrerequisiteState, message: 'lastval is not yet defined in this session' });
    return value;
  });
  for (const name of ['nextval', 'setval']) {
    db.function(name, { deterministic: false, varargs: true }, () => {
      throw new PgError({ code: SqlState.featureNotSupported, message: `${name}() is only supported as SELECT ${name}('sequence'${name === 'setval' ? ', value' : ''}) on its own yet` });
    });
  }
}
