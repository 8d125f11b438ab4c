/**
 * Reads back what the catalog needs from a table's and an index's SQLite DDL (sqlite_schema.sql):
 * the constraints with the names PostgreSQL would give them, and the index definitions as
 * pg_get_indexdef prints them. SQLite's pragmas report columns, indexes and foreign keys but
 * neither constraint names nor CHECK constraints, so the DDL text is the source. Expressions are
 * kept as written in the DDL (the translator's SQLite form), not deparsed as PostgreSQL would.
 */

export interface ConstraintDdl {
  name: string;
  /** pg_constraint.contype: p primary key, u unique, c check, f foreign key. */
  type: 'p' | 'u' | 'c' | 'f';
  columns: string[];
  /** CHECK: the expression's text. */
  expression?: string;
  refTable?: string;
  /** Referenced columns; empty means the referenced table's primary key. */
  refColumns?: string[];
  /** pg_constraint action codes: a no action, r restrict, c cascade, n set null, d set default. */
  onUpdate?: string;
  onDelete?: string;
  /** s simple, f full, p partial. */
  match?: string;
  deferrable: boolean;
  deferred: boolean;
}

export interface TableDdl {
  columns: string[];
  constraints: ConstraintDdl[];
}

export interface Token {
  /** Lower-cased keyword or unquoted identifier text; the punctuation itself; '' for strings/numbers. */
  word: string;
  /** The identifier's name (quotes removed), when the token is one. */
  ident?: string;
  start: number;
  end: number;
}

export function tokenize(sql: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < sql.length) {
    const ch = sql[i]!;
    if (/\s/.test(ch)) {
      i++;
    } else if (ch === '-' && sql[i + 1] === '-') {
      while (i < sql.length && sql[i] !== '\n') i++;
    } else if (ch === '/' && sql[i + 1] === '*') {
      const close = sql.indexOf('*/', i + 2);
      i = close < 0 ? sql.length : close + 2;
    } else if (ch === "'" || ch === '"' || ch === '`' || ch === '[') {
      const closeChar = ch === '[' ? ']' : ch;
      let j = i + 1;
      let text = '';
      for (; j < sql.length; j++) {
        if (sql[j] === closeChar) {
          if (closeChar !== ']' && sql[j + 1] === closeChar) {
            text += closeChar;
            j++;
            continue;
          }
          break;
        }
        text += sql[j];
      }
      tokens.push(ch === "'" ? { word: '', start: i, end: j + 1 } : { word: text.toLowerCase(), ident: text, start: i, end: j + 1 });
      i = j + 1;
    } else if (/[A-Za-z_\u0080-\uffff]/.test(ch)) {
      let j = i + 1;
      while (j < sql.length && /[A-Za-z0-9_$\u0080-\uffff]/.test(sql[j]!)) j++;
      const text = sql.slice(i, j);
      tokens.push({ word: text.toLowerCase(), ident: text, start: i, end: j });
      i = j;
    } else if (/[0-9.]/.test(ch)) {
      let j = i + 1;
      while (j < sql.length && /[0-9.eE]/.test(sql[j]!)) j++;
      tokens.push({ word: '', start: i, end: j });
      i = j;
    } else {
      tokens.push({ word: ch, start: i, end: i + 1 });
      i++;
    }
  }
  return tokens;
}

/** Index of the token closing the parenthesis opened at `open`. */
export function closingParen(tokens: Token[], open: number): number {
  let depth = 0;
  for (let i = open; i < tokens.length; i++) {
    if (tokens[i]!.word === '(') depth++;
    else if (tokens[i]!.word === ')' && --depth === 0) return i;
  }
  return tokens.length - 1;
}

/** Splits tokens[from, to) at top-level commas. */
export function splitTopLevel(tokens: Token[], from: number, to: number): Token[][] {
  const parts: Token[][] = [];
  let current: Token[] = [];
  let depth = 0;
  for (let i = from; i < to; i++) {
    const token = tokens[i]!;
    if (token.word === '(') depth++;
    if (token.word === ')') depth--;
    if (token.word === ',' && depth === 0) {
      parts.push(current);
      current = [];
    } else {
      current.push(token);
    }
  }
  if (current.length > 0) parts.push(current);
  return parts;
}

function identList(tokens: Token[], open: number): { names: string[]; next: number } {
  const close = closingParen(tokens, open);
  const names = splitTopLevel(tokens, open + 1, close).map((part) => part[0]?.ident ?? '');
  return { names, next: close + 1 };
}

const columnConstraintWords = new Set(['constraint', 'primary', 'not', 'null', 'unique', 'check', 'default', 'collate', 'references', 'generated', 'as']);
const actionCodes: Record<string, string> = { cascade: 'c', restrict: 'r', set: 'n', no: 'a' };

interface PendingConstraint extends Omit<ConstraintDdl, 'name'> {
  name?: string;
}

/** Reads REFERENCES t [(cols)] [ON DELETE|UPDATE action] [MATCH x] [[NOT] DEFERRABLE [INITIALLY …]] from tokens[at]. */
function readReferences(tokens: Token[], at: number, into: PendingConstraint): number {
  let i = at + 1;
  into.refTable = tokens[i]?.ident ?? '';
  i++;
  if (tokens[i]?.word === '.') {
    into.refTable = tokens[i + 1]?.ident ?? '';
    i += 2;
  }
  into.refColumns = [];
  if (tokens[i]?.word === '(') {
    const list = identList(tokens, i);
    into.refColumns = list.names;
    i = list.next;
  }
  for (;;) {
    const word = tokens[i]?.word;
    if (word === 'on' && (tokens[i + 1]?.word === 'delete' || tokens[i + 1]?.word === 'update')) {
      const action = tokens[i + 2]?.word ?? 'no';
      const code = action === 'set' ? (tokens[i + 3]?.word === 'default' ? 'd' : 'n') : actionCodes[action] ?? 'a';
      if (tokens[i + 1]!.word === 'delete') into.onDelete = code;
      else into.onUpdate = code;
      i += action === 'set' || action === 'no' ? 4 : 3;
    } else if (word === 'match') {
      const kind = tokens[i + 1]?.word;
      into.match = kind === 'full' ? 'f' : kind === 'partial' ? 'p' : 's';
      i += 2;
    } else if (word === 'deferrable' || (word === 'not' && tokens[i + 1]?.word === 'deferrable')) {
      into.deferrable = word === 'deferrable';
      i += word === 'not' ? 2 : 1;
      if (tokens[i]?.word === 'initially') {
        into.deferred = tokens[i + 1]?.word === 'deferred';
        i += 2;
      }
    } else {
      return i;
    }
  }
}

function emptyConstraint(type: ConstraintDdl['type'], name: string | undefined, columns: string[]): PendingConstraint {
  return { name, type, columns, deferrable: false, deferred: false };
}

/** Reads a column definition's constraints (the column's name is part[0]). */
function readColumn(sql: string, part: Token[], out: PendingConstraint[]): void {
  const column = part[0]?.ident ?? '';
  let name: string | undefined;
  let i = 1;
  while (i < part.length && !columnConstraintWords.has(part[i]!.word)) i++;
  while (i < part.length) {
    const word = part[i]!.word;
    if (word === 'constraint') {
      name = part[i + 1]?.ident;
      i += 2;
      continue;
    }
    if (word === 'primary') {
      out.push(emptyConstraint('p', name, [column]));
      i += 2;
    } else if (word === 'unique') {
      out.push(emptyConstraint('u', name, [column]));
      i++;
    } else if (word === 'check' && part[i + 1]?.word === '(') {
      const close = closingParen(part, i + 1);
      out.push({ ...emptyConstraint('c', name, [column]), expression: sql.slice(part[i + 1]!.end, part[close]!.start).trim() });
      i = close + 1;
    } else if (word === 'references') {
      const fk = emptyConstraint('f', name, [column]);
      i = readReferences(part, i, fk);
      out.push(fk);
    } else if (part[i]!.word === '(') {
      i = closingParen(part, i) + 1;
      continue;
    } else {
      i++;
      continue;
    }
    name = undefined;
  }
}

/** Reads a table constraint (PRIMARY KEY (…), UNIQUE (…), CHECK (…), FOREIGN KEY (…) REFERENCES …). */
function readTableConstraint(sql: string, part: Token[], out: PendingConstraint[]): void {
  let i = 0;
  let name: string | undefined;
  if (part[0]?.word === 'constraint') {
    name = part[1]?.ident;
    i = 2;
  }
  const word = part[i]?.word;
  const listAt = part.findIndex((token, index) => index > i && token.word === '(');
  if (word === 'check' && listAt > 0) {
    const close = closingParen(part, listAt);
    out.push({ ...emptyConstraint('c', name, []), expression: sql.slice(part[listAt]!.end, part[close]!.start).trim() });
    return;
  }
  if (listAt < 0) return;
  const list = identList(part, listAt);
  if (word === 'primary') out.push(emptyConstraint('p', name, list.names));
  else if (word === 'unique') out.push(emptyConstraint('u', name, list.names));
  else if (word === 'foreign') {
    const fk = emptyConstraint('f', name, list.names);
    if (part[list.next]?.word === 'references') readReferences(part, list.next, fk);
    out.push(fk);
  }
}

const tableConstraintWords = new Set(['constraint', 'primary', 'unique', 'check', 'foreign']);

/** The columns and constraints of a CREATE TABLE statement, constraints named as PostgreSQL names them. */
export function parseTableDdl(table: string, sql: string): TableDdl {
  const tokens = tokenize(sql);
  const open = tokens.findIndex((token) => token.word === '(');
  if (open < 0) return { columns: [], constraints: [] };
  const close = closingParen(tokens, open);
  const columns: string[] = [];
  const pending: PendingConstraint[] = [];
  for (const part of splitTopLevel(tokens, open + 1, close)) {
    if (part.length === 0) continue;
    // A quoted identifier is a column even when it spells a constraint keyword.
    if (tableConstraintWords.has(part[0]!.word) && sql[part[0]!.start] !== '"') readTableConstraint(sql, part, pending);
    else {
      columns.push(part[0]!.ident ?? '');
      readColumn(sql, part, pending);
    }
  }
  const used = new Set(pending.map((c) => c.name).filter((name): name is string => name !== undefined));
  const constraints = pending.map((constraint): ConstraintDdl => {
    if (constraint.name !== undefined) return constraint as ConstraintDdl;
    const name = uniqueName(defaultName(table, constraint, columns), used);
    used.add(name);
    return { ...constraint, name };
  });
  return { columns, constraints };
}

/** PostgreSQL's choice of constraint name (ChooseConstraintName): table_columns_suffix. */
function defaultName(table: string, constraint: PendingConstraint, columns: string[]): string {
  switch (constraint.type) {
    case 'p': return `${table}_pkey`;
    case 'u': return `${table}_${constraint.columns.join('_')}_key`;
    case 'f': return `${table}_${constraint.columns.join('_')}_fkey`;
    case 'c': {
      const known = new Map(columns.map((column) => [column.toLowerCase(), column]));
      const first = tokenize(constraint.expression ?? '').find((token) => token.ident !== undefined && known.has(token.word));
      return first ? `${table}_${known.get(first.word)}_check` : `${table}_check`;
    }
  }
}

function uniqueName(base: string, used: Set<string>): string {
  if (!used.has(base)) return base;
  for (let n = 1; ; n++) if (!used.has(base + n)) return base + n;
}

/** An identifier as PostgreSQL prints it: bare when lower-case and simple, else double-quoted. */
export function quoteIdent(name: string): string {
  return /^[a-z_][a-z0-9_$]*$/.test(name) && !reservedWords.has(name) ? name : '"' + name.replace(/"/g, '""') + '"';
}

const reservedWords = new Set(['all', 'analyse', 'analyze', 'and', 'any', 'array', 'as', 'asc', 'both', 'case', 'cast', 'check',
  'collate', 'column', 'constraint', 'create', 'default', 'desc', 'distinct', 'do', 'else', 'end', 'except', 'false', 'for',
  'foreign', 'from', 'grant', 'group', 'having', 'in', 'into', 'leading', 'limit', 'not', 'null', 'offset', 'on', 'only', 'or',
  'order', 'primary', 'references', 'select', 'table', 'then', 'to', 'true', 'union', 'unique', 'user', 'using', 'when', 'where', 'with']);

const actionWords: Record<string, string> = { c: 'CASCADE', r: 'RESTRICT', n: 'SET NULL', d: 'SET DEFAULT' };

/**
 * pg_get_constraintdef's text, except for a foreign key's referenced columns when the DDL leaves
 * them out (the referenced primary key): then the text has `{refcols}` for the caller to fill.
 */
export function constraintDefinition(constraint: ConstraintDdl): string {
  const columns = constraint.columns.map(quoteIdent).join(', ');
  switch (constraint.type) {
    case 'p': return `PRIMARY KEY (${columns})`;
    case 'u': return `UNIQUE (${columns})`;
    case 'c': return `CHECK (${constraint.expression ?? ''})`;
    case 'f': {
      const refColumns = constraint.refColumns?.length ? constraint.refColumns.map(quoteIdent).join(', ') : '{refcols}';
      let text = `FOREIGN KEY (${columns}) REFERENCES ${quoteIdent(constraint.refTable ?? '')}(${refColumns})`;
      if (constraint.match === 'f') text += ' MATCH FULL';
      if (constraint.onUpdate && actionWords[constraint.onUpdate]) text += ` ON UPDATE ${actionWords[constraint.onUpdate]}`;
      if (constraint.onDelete && actionWords[constraint.onDelete]) text += ` ON DELETE ${actionWords[constraint.onDelete]}`;
      if (constraint.deferrable) text += constraint.deferred ? ' DEFERRABLE INITIALLY DEFERRED' : ' DEFERRABLE';
      return text;
    }
  }
}

export interface IndexDdl {
  unique: boolean;
  /** The key elements as written (column names, expressions, with ASC/DESC/COLLATE). */
  elements: string[];
  predicate?: string;
}

/** Reads CREATE [UNIQUE] INDEX [IF NOT EXISTS] name ON table (elements) [WHERE predicate]. */
export function parseIndexDdl(sql: string): IndexDdl {
  const tokens = tokenize(sql);
  const unique = tokens[1]?.word === 'unique';
  const open = tokens.findIndex((token) => token.word === '(');
  if (open < 0) return { unique, elements: [] };
  const close = closingParen(tokens, open);
  const elements = splitTopLevel(tokens, open + 1, close).map((part) => sql.slice(part[0]!.start, part[part.length - 1]!.end).trim());
  const where = tokens.findIndex((token, index) => index > close && token.word === 'where');
  return { unique, elements, predicate: where > 0 ? sql.slice(tokens[where]!.end).trim() : undefined };
}

/** pg_get_indexdef's text for an index of table `table` in schema public. */
export function indexDefinition(name: string, table: string, index: IndexDdl): string {
  const where = index.predicate ? ` WHERE (${index.predicate})` : '';
  return `CREATE ${index.unique ? 'UNIQUE ' : ''}INDEX ${quoteIdent(name)} ON public.${quoteIdent(table)} USING btree (${index.elements.join(', ')})${where}`;
}
