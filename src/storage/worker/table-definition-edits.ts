/**
 * Edits of a table's CREATE TABLE text (sqlite_schema.sql), as the schema operations need them:
 * a column's DEFAULT or declared type, a table constraint added, a CHECK or FOREIGN KEY removed.
 * Pure text work over the tokens of catalog/table-ddl.ts; the text is the translator's own output
 * (or SQLite's), so only its forms need handling. Constraint names are the ones the catalog shows
 * (parseTableDdl), so DROP CONSTRAINT finds what pg_constraint lists.
 */
import { closingParen, parseTableDdl, splitTopLevel, tokenize, type ConstraintDdl, type Token } from '../../catalog/table-ddl.js';

export interface TableDefinition {
  /** Up to and including the opening parenthesis. */
  head: string;
  /** Column definitions and table constraints, as written. */
  elements: string[];
  /** From the closing parenthesis on (table options). */
  tail: string;
}

export function splitTableDefinition(sql: string): TableDefinition {
  const tokens = tokenize(sql);
  const open = tokens.findIndex((token) => token.word === '(');
  if (open < 0) throw new Error('not a CREATE TABLE with a column list');
  const close = closingParen(tokens, open);
  const elements = splitTopLevel(tokens, open + 1, close)
    .filter((part) => part.length > 0)
    .map((part) => sql.slice(part[0]!.start, part[part.length - 1]!.end));
  return { head: sql.slice(0, tokens[open]!.end), elements, tail: sql.slice(tokens[close]!.start) };
}

export function joinTableDefinition(definition: TableDefinition): string {
  return definition.head + definition.elements.join(', ') + definition.tail;
}

const tableConstraintWords = new Set(['constraint', 'primary', 'unique', 'check', 'foreign']);

/** The column an element defines, or undefined for a table constraint. */
export function elementColumn(element: string): string | undefined {
  const first = tokenize(element)[0];
  if (first === undefined) return undefined;
  if (tableConstraintWords.has(first.word) && element[first.start] !== '"') return undefined;
  return first.ident;
}

function columnIndex(definition: TableDefinition, column: string): number {
  const exact = definition.elements.findIndex((element) => elementColumn(element) === column);
  if (exact >= 0) return exact;
  // SQLite matches column names without regard to case.
  return definition.elements.findIndex((element) => elementColumn(element)?.toLowerCase() === column.toLowerCase());
}

/** Words that begin a column constraint (where the declared type ends). */
const columnConstraintStarts = new Set(['constraint', 'primary', 'not', 'null', 'unique', 'check', 'default', 'collate', 'references', 'generated', 'as']);

/** Index of the first token of each top-level column constraint, with the constraint's keyword token. */
function constraintStarts(element: string, tokens: Token[]): { start: number; keyword: number }[] {
  const out: { start: number; keyword: number }[] = [];
  let depth = 0;
  let pendingName: number | undefined;
  for (let i = 1; i < tokens.length; i++) {
    const word = tokens[i]!.word;
    if (word === '(') depth++;
    if (word === ')') depth--;
    if (depth !== 0 || tokens[i]!.ident === undefined || !columnConstraintStarts.has(word) || element[tokens[i]!.start] === '"') continue;
    // NOT DEFERRABLE and ON DELETE SET NULL belong to a REFERENCES clause.
    if (word === 'not' && tokens[i + 1]?.word !== 'null') continue;
    if (word === 'null' && (tokens[i - 1]?.word === 'not' || tokens[i - 1]?.word === 'set')) continue;
    if (word === 'as' && tokens[i - 1]?.word === 'always') continue;
    if (word === 'constraint') {
      pendingName = i;
      i++;
      continue;
    }
    out.push({ start: pendingName ?? i, keyword: i });
    pendingName = undefined;
  }
  return out;
}

function replaceRange(text: string, from: number, to: number, replacement: string): string {
  return (text.slice(0, from).trimEnd() + replacement + ' ' + text.slice(to).trimStart()).trim();
}

/** The column's element with its DEFAULT clause replaced (value null: removed). */
export function withDefault(element: string, value: string | null): string {
  const tokens = tokenize(element);
  const starts = constraintStarts(element, tokens);
  let text = element;
  const found = starts.findIndex((s) => tokens[s.keyword]!.word === 'default');
  if (found >= 0) {
    const from = tokens[starts[found]!.start]!.start;
    const next = starts[found + 1];
    const to = next !== undefined ? tokens[next.start]!.start : element.length;
    text = replaceRange(element, from, to, '');
  }
  return value === null ? text : `${text} DEFAULT ${value}`;
}

/**
 * The column's element with its declared type replaced. The collation that comes with a numeric
 * column's declared type (`numeric_text(p,s) COLLATE pgsqlite_numeric`) goes with the old type;
 * the new type text brings its own.
 */
export function withDeclaredType(element: string, declared: string): string {
  element = withoutCollation(element, 'pgsqlite_numeric');
  const tokens = tokenize(element);
  const first = constraintStarts(element, tokens)[0];
  const from = tokens[0]!.end;
  const to = first !== undefined ? tokens[first.start]!.start : element.length;
  return replaceRange(element, from, to, ' ' + declared);
}

/** The declared type text of a column element. */
export function declaredTypeOf(element: string): string {
  const tokens = tokenize(element);
  const first = constraintStarts(element, tokens)[0];
  return element.slice(tokens[0]!.end, first !== undefined ? tokens[first.start]!.start : element.length).trim();
}

export function setColumnDefault(definition: TableDefinition, column: string, value: string | null): boolean {
  const at = columnIndex(definition, column);
  if (at < 0) return false;
  definition.elements[at] = withDefault(definition.elements[at]!, value);
  return true;
}

export function setColumnType(definition: TableDefinition, column: string, declared: string): boolean {
  const at = columnIndex(definition, column);
  if (at < 0) return false;
  definition.elements[at] = withDeclaredType(definition.elements[at]!, declared);
  return true;
}

/** The constraints of the table with the element each comes from (and its place among that element's). */
function locatedConstraints(table: string, definition: TableDefinition): { constraint: ConstraintDdl; element: number; nth: number }[] {
  const all = parseTableDdl(table, joinTableDefinition(definition)).constraints;
  const out: { constraint: ConstraintDdl; element: number; nth: number }[] = [];
  let next = 0;
  definition.elements.forEach((element, index) => {
    // The same reader over the element alone tells how many constraints it holds, in order.
    const own = parseTableDdl(table, `CREATE TABLE x (${element})`).constraints.length;
    for (let nth = 0; nth < own; nth++) out.push({ constraint: all[next++]!, element: index, nth });
  });
  return out;
}

/** The constraint of CREATE TABLE named so, if any. */
export function findConstraint(table: string, definition: TableDefinition, name: string): ConstraintDdl | undefined {
  return locatedConstraints(table, definition).find((entry) => entry.constraint.name === name)?.constraint;
}

/**
 * Removes a CHECK or FOREIGN KEY constraint (a table constraint's whole element, or the clause of
 * a column). PRIMARY KEY and UNIQUE own SQLite's automatic indexes and cannot go this way.
 */
export function removeConstraint(table: string, definition: TableDefinition, name: string): ConstraintDdl | undefined {
  const located = locatedConstraints(table, definition).find((entry) => entry.constraint.name === name);
  if (located === undefined) return undefined;
  const element = definition.elements[located.element]!;
  if (elementColumn(element) === undefined) {
    definition.elements.splice(located.element, 1);
    return located.constraint;
  }
  const tokens = tokenize(element);
  const starts = constraintStarts(element, tokens);
  // The element's p/u/c/f clauses, in the order parseTableDdl reads them.
  const kinds = starts.filter((s) => ['primary', 'unique', 'check', 'references'].includes(tokens[s.keyword]!.word)
    && (tokens[s.keyword]!.word !== 'check' || tokens[s.keyword + 1]?.word === '('));
  const clause = kinds[located.nth];
  if (clause === undefined) return undefined;
  const after = starts[starts.indexOf(clause) + 1];
  const to = after !== undefined ? tokens[after.start]!.start : element.length;
  definition.elements[located.element] = replaceRange(element, tokens[clause.start]!.start, to, '');
  return located.constraint;
}

/** The expression of a column element's DEFAULT clause, as written; undefined without one. */
export function defaultOf(element: string): string | undefined {
  const tokens = tokenize(element);
  const starts = constraintStarts(element, tokens);
  const found = starts.findIndex((s) => tokens[s.keyword]!.word === 'default');
  if (found < 0) return undefined;
  const next = starts[found + 1];
  return element.slice(tokens[starts[found]!.keyword]!.end, next !== undefined ? tokens[next.start]!.start : element.length).trim();
}

function withoutCollation(element: string, collation: string): string {
  const tokens = tokenize(element);
  const starts = constraintStarts(element, tokens);
  const found = starts.findIndex((s) => tokens[s.keyword]!.word === 'collate' && tokens[s.keyword + 1]?.word === collation);
  if (found < 0) return element;
  const next = starts[found + 1];
  return replaceRange(element, tokens[starts[found]!.start]!.start, next !== undefined ? tokens[next.start]!.start : element.length, '');
}

/** The column element's COLLATE clause as written (`COLLATE pgsqlite_numeric`), or ''. */
export function collateClauseOf(element: string): string {
  const tokens = tokenize(element);
  const starts = constraintStarts(element, tokens);
  const found = starts.findIndex((s) => tokens[s.keyword]!.word === 'collate');
  if (found < 0) return '';
  const next = starts[found + 1];
  return element.slice(tokens[starts[found]!.keyword]!.start, next !== undefined ? tokens[next.start]!.start : element.length).trim();
}
