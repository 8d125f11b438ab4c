import { serverVersion, serverVersionNum } from '../catalog/session-functions.js';
import { formatSearchPath } from '../sql/search-path.js';

/**
 * The settings (GUCs) a session has, with PostgreSQL's canonical names and defaults.
 * `report` marks those PostgreSQL sends as ParameterStatus at start-up and on change
 * (https://www.postgresql.org/docs/15/protocol-flow.html#PROTOCOL-ASYNC).
 */
export interface SettingDefinition {
  /** Canonical spelling, as SHOW prints it in the column header. */
  name: string;
  defaultValue: string;
  report?: boolean;
  /** Read-only settings can be shown but not SET (55P02 in PostgreSQL). */
  readOnly?: boolean;
  /** pg_settings.context when it is not implied ('internal' if readOnly, else 'user'). */
  context?: 'postmaster';
  /** PostgreSQL's GUC_NO_SHOW_ALL: SHOW prints it, pg_settings does not list it. */
  hiddenFromSettingsView?: boolean;
  description: string;
  normalize?: (value: string) => string;
  unit?: 'ms';
}

const onOff = (value: string) => {
  const v = value.trim().toLowerCase();
  if (['on', 'true', 'yes', '1', 't', 'y'].includes(v)) return 'on';
  if (['off', 'false', 'no', '0', 'f', 'n'].includes(v)) return 'off';
  throw new Error(`requires a Boolean value`);
};

const definitions: SettingDefinition[] = [
  { name: 'server_version', defaultValue: serverVersion, report: true, readOnly: true, description: 'Shows the server version.' },
  { name: 'server_version_num', defaultValue: serverVersionNum, readOnly: true, description: 'Shows the server version as an integer.' },
  { name: 'server_encoding', defaultValue: 'UTF8', report: true, readOnly: true, description: 'Shows the server (database) character set encoding.' },
  { name: 'client_encoding', defaultValue: 'UTF8', report: true, description: "Sets the client's character set encoding.", normalize: normalizeEncoding },
  { name: 'DateStyle', defaultValue: 'ISO, MDY', report: true, description: 'Sets the display format for date and time values.' },
  { name: 'IntervalStyle', defaultValue: 'postgres', report: true, description: 'Sets the display format for interval values.' },
  { name: 'TimeZone', defaultValue: 'UTC', report: true, description: 'Sets the time zone for displaying and interpreting time stamps.' },
  { name: 'integer_datetimes', defaultValue: 'on', report: true, readOnly: true, description: 'Shows whether datetimes are integer based.' },
  { name: 'standard_conforming_strings', defaultValue: 'on', report: true, description: "Causes '...' strings to treat backslashes literally.", normalize: onOff },
  { name: 'application_name', defaultValue: '', report: true, description: 'Sets the application name to be reported in statistics and logs.' },
  { name: 'is_superuser', defaultValue: 'on', report: true, readOnly: true, hiddenFromSettingsView: true, description: 'Shows whether the current user is a superuser.' },
  { name: 'session_authorization', defaultValue: '', report: true, readOnly: true, hiddenFromSettingsView: true, description: 'Sets the session user name.' },
  { name: 'default_transaction_read_only', defaultValue: 'off', report: true, description: 'Sets the default read-only status of new transactions.', normalize: onOff },
  { name: 'in_hot_standby', defaultValue: 'off', report: true, readOnly: true, description: 'Shows whether hot standby is currently active.' },
  { name: 'search_path', defaultValue: '"$user", public', description: 'Sets the schema search order for names that are not schema-qualified.', normalize: formatSearchPath },
  { name: 'statement_timeout', defaultValue: '0', description: 'Sets the maximum allowed duration of any statement.', unit: 'ms' },
  { name: 'lock_timeout', defaultValue: '0', description: 'Sets the maximum allowed duration of any wait for a lock.', unit: 'ms' },
  { name: 'idle_in_transaction_session_timeout', defaultValue: '0', description: 'Sets the maximum allowed idle time between queries, when in a transaction.', unit: 'ms' },
  { name: 'transaction_isolation', defaultValue: 'read committed', description: "Sets the current transaction's isolation level." },
  { name: 'default_transaction_isolation', defaultValue: 'read committed', description: 'Sets the transaction isolation level of each new transaction.' },
  { name: 'transaction_read_only', defaultValue: 'off', description: "Sets the current transaction's read-only status.", normalize: onOff },
  { name: 'extra_float_digits', defaultValue: '1', description: 'Sets the number of digits displayed for floating-point values.' },
  { name: 'client_min_messages', defaultValue: 'notice', description: 'Sets the message levels that are sent to the client.' },
  { name: 'max_identifier_length', defaultValue: '63', readOnly: true, description: 'Shows the maximum identifier length.' },
  { name: 'max_connections', defaultValue: '100', readOnly: true, context: 'postmaster', description: 'Sets the maximum number of concurrent connections.' },
  { name: 'block_size', defaultValue: '8192', readOnly: true, description: 'Shows the size of a disk block.' },
  { name: 'max_index_keys', defaultValue: '32', readOnly: true, description: 'Shows the maximum number of index keys.' },
  { name: 'lc_collate', defaultValue: 'C.UTF-8', readOnly: true, description: 'Shows the collation order locale.' },
  { name: 'lc_ctype', defaultValue: 'C.UTF-8', readOnly: true, description: 'Shows the character classification and case conversion locale.' },
  { name: 'lc_messages', defaultValue: 'C.UTF-8', description: 'Sets the language in which messages are displayed.' },
  { name: 'lc_monetary', defaultValue: 'C.UTF-8', description: 'Sets the locale for formatting monetary amounts.' },
  { name: 'lc_numeric', defaultValue: 'C.UTF-8', description: 'Sets the locale for formatting numbers.' },
  { name: 'lc_time', defaultValue: 'C.UTF-8', description: 'Sets the locale for formatting date and time values.' },
  { name: 'synchronous_commit', defaultValue: 'on', description: 'Sets the current transaction\'s synchronization level.' },
  { name: 'row_security', defaultValue: 'on', description: 'Enable row security.', normalize: onOff },
  { name: 'bytea_output', defaultValue: 'hex', description: 'Sets the output format for bytea.' },
  { name: 'xmloption', defaultValue: 'content', description: 'Sets whether XML data in implicit parsing and serialization operations is to be considered as documents or content fragments.' },
  { name: 'jit', defaultValue: 'off', description: 'Allow JIT compilation.', normalize: onOff },
  { name: 'work_mem', defaultValue: '4MB', description: 'Sets the maximum memory to be used for query workspaces.' },
  { name: 'maintenance_work_mem', defaultValue: '64MB', description: 'Sets the maximum memory to be used for maintenance operations.' },
  { name: 'timezone_abbreviations', defaultValue: 'Default', description: 'Selects a file of time zone abbreviations.' },
  { name: 'password_encryption', defaultValue: 'scram-sha-256', description: 'Chooses the algorithm for encrypting passwords.' },
  { name: 'pgsqlite.write_priority', defaultValue: 'normal', description: 'Priority of this session\'s writes in the write queue (pgsqlite).', normalize: writePriority },
];

const byLowerName = new Map(definitions.map((d) => [d.name.toLowerCase(), d]));

/** Alternative spellings PostgreSQL accepts. */
const aliases: Record<string, string> = {
  'time zone': 'timezone',
  'transaction isolation level': 'transaction_isolation',
  'session authorization': 'session_authorization',
  names: 'client_encoding',
};

export function findSetting(name: string): SettingDefinition | undefined {
  const lower = name.toLowerCase();
  return byLowerName.get(aliases[lower] ?? lower);
}

export function allSettings(): readonly SettingDefinition[] {
  return definitions;
}

function writePriority(value: string): string {
  const v = value.trim().toLowerCase();
  if (v === 'low' || v === 'normal' || v === 'high') return v;
  throw new Error('must be one of low, normal, high');
}

function normalizeEncoding(value: string): string {
  // PostgreSQL ignores everything but letters and digits in encoding names ('utf-8', "'utf-8'").
  const v = value.toUpperCase().replace(/[^A-Z0-9]/g, '');
  if (v === 'UTF8' || v === 'UNICODE') return 'UTF8';
  if (v === 'SQLASCII') return 'SQL_ASCII';
  throw new Error(`invalid value for parameter "client_encoding": "${value}"`);
}
