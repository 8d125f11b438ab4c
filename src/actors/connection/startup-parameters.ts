import { PgError } from '../../protocol/pg-error.js';
import { SqlState } from '../../protocol/sqlstate.js';

export interface StartupRequest {
  user: string;
  database: string;
  /** GUCs to apply: application_name, client_encoding, …, and every `-c name=value` of `options`. */
  settings: Record<string, string>;
  /** `_pq_.*` protocol options the client asked for (we support none). */
  protocolOptions: string[];
}

/**
 * Reads a StartupMessage's parameters as PostgreSQL does: user is required, database defaults
 * to the user name, `options` carries command-line switches (`-c name=value`, `--name=value`).
 */
export function readStartupParameters(parameters: Record<string, string>): StartupRequest {
  const user = parameters.user;
  if (!user) {
    throw new PgError({ severity: 'FATAL', code: SqlState.invalidAuthorizationSpecification, message: 'no PostgreSQL user name specified in startup packet' });
  }
  const settings: Record<string, string> = {};
  const protocolOptions: string[] = [];
  for (const [key, value] of Object.entries(parameters)) {
    if (key === 'user' || key === 'database' || key === 'replication') continue;
    if (key.startsWith('_pq_.')) protocolOptions.push(key);
    else if (key === 'options') Object.assign(settings, parseOptions(value));
    else settings[key] = value;
  }
  return { user, database: parameters.database || user, settings, protocolOptions };
}

/** Splits the `options` string on unescaped whitespace (backslash escapes, as libpq does). */
function splitOptions(options: string): string[] {
  const words: string[] = [];
  let current = '';
  let escaped = false;
  for (const ch of options) {
    if (escaped) {
      current += ch;
      escaped = false;
    } else if (ch === '\\') {
      escaped = true;
    } else if (ch === ' ' || ch === '\t' || ch === '\n') {
      if (current) words.push(current);
      current = '';
    } else {
      current += ch;
    }
  }
  if (current) words.push(current);
  return words;
}

function parseOptions(options: string): Record<string, string> {
  const settings: Record<string, string> = {};
  const words = splitOptions(options);
  for (let i = 0; i < words.length; i++) {
    let assignment: string | undefined;
    const word = words[i];
    if (word === '-c') assignment = words[++i];
    else if (word.startsWith('-c')) assignment = word.slice(2);
    else if (word.startsWith('--')) assignment = word.slice(2);
    if (!assignment) {
      throw new PgError({ severity: 'FATAL', code: SqlState.syntaxError, message: `invalid command-line argument for server process: ${word}` });
    }
    const eq = assignment.indexOf('=');
    if (eq <= 0) {
      throw new PgError({ severity: 'FATAL', code: SqlState.syntaxError, message: `invalid command-line argument for server process: ${word}` });
    }
    settings[assignment.slice(0, eq).replace(/-/g, '_')] = assignment.slice(eq + 1);
  }
  return settings;
}
