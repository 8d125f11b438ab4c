import { PgError } from '../protocol/pg-error.js';
import { SqlState } from '../protocol/sqlstate.js';
import { allSettings, findSetting, type SettingDefinition } from './setting-definitions.js';

/**
 * A session's settings with PostgreSQL's transactional behaviour: SET inside a transaction is
 * undone by ROLLBACK, SET LOCAL lasts until the transaction ends.
 */
export class SessionSettings {
  private readonly values = new Map<string, string>();
  /** Bumped on every change, so derived copies (worker contexts) know when to refresh. */
  version = 0;
  /**
   * Settings changed in the current transaction: the value before the transaction (restored by
   * ROLLBACK) and the value a COMMIT keeps (the last plain SET's, or the original when only
   * SET LOCAL touched it) — PostgreSQL's GUC stack reduced to what one level needs.
   */
  private transactionChanges: Map<string, { original: string; atCommit: string }> | null = null;

  constructor(initial: Record<string, string> = {}) {
    for (const def of allSettings()) this.values.set(def.name.toLowerCase(), def.defaultValue);
    for (const [name, value] of Object.entries(initial)) this.applyInitial(name, value);
  }

  /** Startup-packet and `options=-c` settings: unknown names are rejected as PostgreSQL does, custom `a.b` ones kept. */
  private applyInitial(name: string, value: string): void {
    if (!findSetting(name) && name.includes('.')) {
      this.values.set(name.toLowerCase(), value);
      return;
    }
    const def = this.require(name);
    this.values.set(def.name.toLowerCase(), normalized(def, value));
  }

  definition(name: string): SettingDefinition | undefined {
    return findSetting(name);
  }

  get(name: string): string {
    // The statement path reads a few settings per statement (TimeZone, lock_timeout, …): the
    // spelling → key lookup is remembered instead of lower-casing twice on every call.
    const known = settingKeys.get(name);
    if (known !== undefined) return this.values.get(known)!;
    const def = findSetting(name);
    if (!def) {
      // Custom placeholder settings (`a.b`) exist once something set them.
      const custom = name.includes('.') ? this.values.get(name.toLowerCase()) : undefined;
      if (custom !== undefined) return custom;
      this.require(name);
    }
    const key = def!.name.toLowerCase();
    if (settingKeys.size < 1000) settingKeys.set(name, key);
    return this.values.get(key)!;
  }

  /** The value, or undefined for names the server does not know (current_setting(name, true)). */
  tryGet(name: string): string | undefined {
    const def = findSetting(name);
    return def ? this.values.get(def.name.toLowerCase()) : this.values.get(name.toLowerCase());
  }

  /** Sets a value; returns the definition so callers can send ParameterStatus when `report` is set. */
  set(name: string, value: string | null, options: { local: boolean; inTransaction: boolean }): SettingDefinition | undefined {
    const def = findSetting(name);
    if (!def) {
      // Custom placeholder variables (with a dot) are allowed, as in PostgreSQL.
      if (name.includes('.')) {
        this.assign(name.toLowerCase(), value ?? '', options);
        return undefined;
      }
      throw new PgError({ code: SqlState.undefinedObject, message: `unrecognized configuration parameter "${name}"` });
    }
    if (def.readOnly) {
      throw new PgError({ code: SqlState.cantChangeRuntimeParam, message: `parameter "${def.name}" cannot be changed` });
    }
    this.assign(def.name.toLowerCase(), value === null ? def.defaultValue : normalized(def, value), options);
    return def;
  }

  private assign(key: string, value: string, options: { local: boolean; inTransaction: boolean }): void {
    if (options.inTransaction) {
      this.transactionChanges ??= new Map();
      let change = this.transactionChanges.get(key);
      if (!change) {
        const before = this.values.get(key) ?? '';
        change = { original: before, atCommit: before };
        this.transactionChanges.set(key, change);
      }
      if (!options.local) change.atCommit = value;
    } else if (options.local) {
      // SET LOCAL outside a transaction block has no effect (PostgreSQL warns).
      return;
    }
    this.values.set(key, value);
    this.version++;
  }

  /** Ends the transaction: COMMIT keeps plain SETs and drops SET LOCALs; ROLLBACK restores everything. Returns changed names. */
  endTransaction(committed: boolean): string[] {
    const changed: string[] = [];
    for (const [key, change] of this.transactionChanges ?? []) {
      const value = committed ? change.atCommit : change.original;
      if (this.values.get(key) !== value) changed.push(key);
      this.values.set(key, value);
    }
    this.transactionChanges = null;
    if (changed.length) this.version++;
    return changed;
  }

  resetAll(): string[] {
    const changed: string[] = [];
    for (const def of allSettings()) {
      if (def.readOnly) continue;
      const key = def.name.toLowerCase();
      if (this.values.get(key) !== def.defaultValue) changed.push(key);
      this.values.set(key, def.defaultValue);
    }
    if (changed.length) this.version++;
    return changed;
  }

  /** Every setting by lower-case name (for current_setting() inside SQLite). */
  snapshot(): Record<string, string> {
    return Object.fromEntries(this.values);
  }

  /** Parsed time settings, valid for one version (read on every statement: statement_timeout). */
  private durations: { version: number; values: Map<string, number> } = { version: -1, values: new Map() };

  /** Milliseconds for a time setting such as statement_timeout ('5s', '100ms', '2min', '100'). */
  milliseconds(name: string): number {
    if (this.durations.version !== this.version) this.durations = { version: this.version, values: new Map() };
    let ms = this.durations.values.get(name);
    if (ms === undefined) {
      ms = parseDuration(this.get(name));
      this.durations.values.set(name, ms);
    }
    return ms;
  }

  private require(name: string): SettingDefinition {
    const def = findSetting(name);
    if (!def) throw new PgError({ code: SqlState.undefinedObject, message: `unrecognized configuration parameter "${name}"` });
    return def;
  }
}

/** Spellings of known settings → their key in `values` (definitions are fixed, so shared by all sessions; bounded against odd spellings). */
const settingKeys = new Map<string, string>();

function normalized(def: SettingDefinition, value: string): string {
  if (def.unit === 'ms') return String(parseDuration(value));
  if (!def.normalize) return value;
  try {
    return def.normalize(value);
  } catch (err) {
    throw new PgError({ code: SqlState.invalidParameterValue, message: `parameter "${def.name}" ${(err as Error).message}` });
  }
}

const durationUnits: Record<string, number> = { us: 0.001, ms: 1, s: 1000, min: 60_000, h: 3_600_000, d: 86_400_000 };

export function parseDuration(text: string): number {
  const match = /^\s*(\d+(?:\.\d+)?(?:e\d+)?)\s*([a-z]*)\s*$/i.exec(text);
  const unit = match?.[2].toLowerCase() || 'ms';
  if (!match || durationUnits[unit] === undefined) {
    throw new PgError({ code: SqlState.invalidParameterValue, message: `invalid value for parameter: "${text}"`, hint: 'Valid units for this parameter are "us", "ms", "s", "min", "h", and "d".' });
  }
  return Math.round(Number(match[1]) * durationUnits[unit]);
}
