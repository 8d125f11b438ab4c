/** INSERT: VALUES / SELECT / DEFAULT VALUES sources, ON CONFLICT (upsert) and RETURNING. */
import type { InsertStmt, OnConflictClause, SelectStmt } from 'libpg-query';
import { setClause } from './assignments.js';
import { expression } from './expressions.js';
import { isDataModifying } from './data-modifying-ctes.js';
import { storedValue } from './stored-values.js';
import { quoteIdentifier } from './identifiers.js';
import { indexElements } from './index-elements.js';
import { asNode, nodeBody, type Node } from './parse-tree.js';
import { relationName } from './qualified-names.js';
import { returningClause } from './returning-clause.js';
import { selectStatement, valuesList } from './select-statement.js';
import type { TranslationState } from './translation-state.js';
import { unsupported } from './unsupported.js';
import { withClause } from './with-clause.js';

/**
 * An INSERT as one SQLite statement, or several when VALUES gives DEFAULT for a column in only
 * some rows: SQLite has no DEFAULT inside VALUES, so each run of consecutive rows with the same
 * DEFAULT columns becomes an INSERT of its own that leaves those columns out. The statements run
 * as a unit and their RETURNING rows and counts add up in VALUES order (TranslatedStatement's
 * resultStatements).
 */
export function insertStatements(st: TranslationState, node: InsertStmt): string[] {
  const select = asNode(node.selectStmt, 'SelectStmt');
  if (select === undefined || !isPlainValues(select) || select.valuesLists!.length < 2) return [insertStatement(st, node)];
  const rows = select.valuesLists!;
  const pattern = (row: Node): string => (nodeBody(row, 'List').items ?? []).map((item) => (isDefault(item) ? 'd' : 'v')).join('');
  const runs: Node[][] = [];
  for (const row of rows) {
    const last = runs.at(-1);
    if (last !== undefined && pattern(last[0]!) === pattern(row)) last.push(row);
    else runs.push([row]);
  }
  if (runs.length === 1) return [insertStatement(st, node)];
  // Each INSERT repeats the WITH clause: fine for queries, not for statements that modify data.
  if (node.withClause?.ctes?.some((cte) => isDataModifying(nodeBody(cte, 'CommonTableExpr')))) {
    unsupported(st, 'a data-modifying WITH with DEFAULT in only some rows of a multi-row VALUES', node.relation?.location);
  }
  return runs.map((run) => {
    const part: InsertStmt = { ...node, selectStmt: { SelectStmt: { ...select, valuesLists: run } } };
    const used = new Set<number>();
    st.paramsUsed = used;
    let text: string;
    try {
      text = insertStatement(st, part);
    } finally {
      st.paramsUsed = undefined;
    }
    const highest = Math.max(0, ...used);
    const unused = Array.from({ length: highest }, (_, i) => i + 1).filter((n) => !used.has(n));
    if (unused.length === 0) return text;
    st.unusedInsertParams = unused;
    try {
      return insertStatement(st, part);
    } finally {
      st.unusedInsertParams = undefined;
    }
  });
}

export function insertStatement(st: TranslationState, node: InsertStmt): string {
  const relation = node.relation!;
  if (node.override !== undefined && node.override !== 'OVERRIDING_NOT_SET') unsupported(st, 'OVERRIDING … VALUE', relation.location);
  let text = node.withClause !== undefined ? withClause(st, node.withClause) + ' ' : '';
  text += 'INSERT INTO ' + relationName(st, relation);
  if (relation.alias !== undefined) text += ' AS ' + quoteIdentifier(relation.alias.aliasname ?? '');
  text += source(st, node);
  if (node.onConflictClause !== undefined) text += onConflict(st, node.onConflictClause);
  return text + returningClause(st, node.returningList, relation);
}

function targetColumns(st: TranslationState, cols: Node[] | undefined): string[] {
  const names: string[] = [];
  for (const col of cols ?? []) {
    const target = nodeBody(col, 'ResTarget');
    if (target.indirection?.length) unsupported(st, 'INSERT into a subscript or field', target.location);
    names.push(quoteIdentifier(target.name ?? ''));
  }
  return names;
}

/** The column list and the rows: ` (a, b) VALUES …`, ` SELECT …`, or ` DEFAULT VALUES`. */
function source(st: TranslationState, node: InsertStmt): string {
  const columns = targetColumns(st, node.cols);
  const select = asNode(node.selectStmt, 'SelectStmt');
  const upsert = node.onConflictClause !== undefined;
  if (select === undefined) {
    // SQLite's grammar has no upsert after DEFAULT VALUES.
    if (upsert) unsupported(st, 'ON CONFLICT with DEFAULT VALUES', node.relation?.location);
    return ' DEFAULT VALUES';
  }
  const columnList = columns.length > 0 ? ' (' + columns.join(', ') + ')' : '';
  if (isPlainValues(select)) return valuesSource(st, select.valuesLists!, columns, upsert);
  const query = selectStatement(st, select);
  // SQLite reads `INSERT … SELECT … FROM t ON CONFLICT` as a join's ON unless the SELECT ends in
  // a WHERE clause (https://www.sqlite.org/lang_upsert.html, "parsing ambiguity").
  if (upsert && !endsInWhere(select)) return columnList + ' SELECT * FROM (' + query + ') WHERE true';
  return columnList + ' ' + query;
}

function isPlainValues(select: SelectStmt): boolean {
  return select.valuesLists !== undefined && select.withClause === undefined && !select.sortClause?.length
    && select.limitCount === undefined && select.limitOffset === undefined;
}

function endsInWhere(select: SelectStmt): boolean {
  return (select.op === undefined || select.op === 'SETOP_NONE') && select.whereClause !== undefined
    && select.withClause === undefined && !select.groupClause?.length && select.havingClause === undefined
    && !select.windowClause?.length && !select.sortClause?.length
    && select.limitCount === undefined && select.limitOffset === undefined;
}

/**
 * SQLite has no DEFAULT inside VALUES. A column that is DEFAULT in every row is left out of the
 * column list instead, which asks for the same default; a column that is DEFAULT in only some rows
 * cannot be expressed in one SQLite statement.
 */
function valuesSource(st: TranslationState, rows: Node[], columns: string[], upsert: boolean): string {
  const items = rows.map((row) => nodeBody(row, 'List').items ?? []);
  const width = items[0]?.length ?? 0;
  let anyDefault = false;
  const allDefault: boolean[] = [];
  for (let c = 0; c < width; c++) {
    let defaults = 0;
    for (const row of items) if (isDefault(row[c])) defaults++;
    if (defaults > 0 && defaults < items.length) unsupported(st, 'DEFAULT in only some rows of a multi-row VALUES', locationOfDefault(items, c));
    allDefault.push(defaults > 0);
    anyDefault ||= defaults > 0;
  }
  const columnList = columns.length > 0 ? ' (' + columns.join(', ') + ')' : '';
  if (!anyDefault) return columnList + ' ' + withUnusedParams(st, valuesList(st, rows, true));
  const kept: number[] = [];
  for (let c = 0; c < width; c++) if (!allDefault[c]) kept.push(c);
  if (kept.length === 0 && items.length === 1) {
    if (upsert) unsupported(st, 'ON CONFLICT with DEFAULT VALUES', locationOfDefault(items, 0));
    return ' DEFAULT VALUES';
  }
  if (columns.length === 0) return unsupported(st, 'DEFAULT in VALUES without a column list', locationOfDefault(items, allDefault.indexOf(true)));
  if (kept.length === 0) return unsupported(st, 'a multi-row VALUES of only DEFAULT', locationOfDefault(items, 0));
  let text = 'VALUES ';
  for (let r = 0; r < items.length; r++) {
    if (r > 0) text += ', ';
    text += '(' + kept.map((c) => storedValue(st, items[r]![c]!)).join(', ') + ')';
  }
  return ' (' + kept.map((c) => columns[c] ?? '').join(', ') + ') ' + withUnusedParams(st, text);
}

/**
 * One INSERT of a split VALUES (insertStatements) may use $4..$6 and not $1..$3, which
 * better-sqlite3 cannot bind (a numbered parameter below the highest must appear); those are
 * named in a WHERE that is always true.
 */
function withUnusedParams(st: TranslationState, values: string): string {
  const unused = st.unusedInsertParams;
  if (!unused?.length) return values;
  return 'SELECT * FROM (' + values + ') WHERE 1 OR ' + unused.map((n) => '?' + n).join(' OR ');
}

function isDefault(node: Node | undefined): boolean {
  return asNode(node, 'SetToDefault') !== undefined;
}

function locationOfDefault(items: Node[][], column: number): number | undefined {
  for (const row of items) {
    const marker = asNode(row[column], 'SetToDefault');
    if (marker !== undefined) return marker.location;
  }
  return undefined;
}

function onConflict(st: TranslationState, clause: OnConflictClause): string {
  let text = ' ON CONFLICT';
  const infer = clause.infer;
  if (infer !== undefined) {
    if (infer.conname !== undefined) unsupported(st, 'ON CONFLICT ON CONSTRAINT', infer.location);
    if (infer.indexElems?.length) text += ' (' + indexElements(st, infer.indexElems, false) + ')';
    if (infer.whereClause !== undefined) text += ' WHERE ' + expression(st, infer.whereClause);
  }
  if (clause.action === 'ONCONFLICT_UPDATE') {
    text += ' DO UPDATE SET ' + setClause(st, clause.targetList ?? []);
    if (clause.whereClause !== undefined) text += ' WHERE ' + expression(st, clause.whereClause);
    return text;
  }
  return text + ' DO NOTHING';
}
