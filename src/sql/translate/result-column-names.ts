/**
 * The name PostgreSQL gives an output column that has no AS (parse_target.c's FigureColname):
 * `count(*)` is "count", `x::int` is "x", `1 + 2` is "?column?". SQLite would name these after the
 * expression's text, and clients read rows by these names, so the translator writes them as
 * explicit aliases. Also used for default index names (FigureIndexColname).
 */
import type { SelectStmt } from 'libpg-query';
import { asNode, nodeBody, nodeKind, stringOf, stringsOf, type Node } from './parse-tree.js';

export const unnamedColumn = '?column?';

/**
 * How sure the rule is: 2 a real name (column, function), 1 a fallback (a type name, "case")
 * that an outer cast may override, 0 nothing.
 */
interface Figured {
  name: string;
  strength: number;
}

const none: Figured = { name: unnamedColumn, strength: 0 };

const sqlValueFunctionNames: Record<string, string> = {
  SVFOP_CURRENT_DATE: 'current_date',
  SVFOP_CURRENT_TIME: 'current_time',
  SVFOP_CURRENT_TIME_N: 'current_time',
  SVFOP_CURRENT_TIMESTAMP: 'current_timestamp',
  SVFOP_CURRENT_TIMESTAMP_N: 'current_timestamp',
  SVFOP_LOCALTIME: 'localtime',
  SVFOP_LOCALTIME_N: 'localtime',
  SVFOP_LOCALTIMESTAMP: 'localtimestamp',
  SVFOP_LOCALTIMESTAMP_N: 'localtimestamp',
  SVFOP_CURRENT_ROLE: 'current_role',
  SVFOP_CURRENT_USER: 'current_user',
  SVFOP_USER: 'user',
  SVFOP_SESSION_USER: 'session_user',
  SVFOP_CURRENT_CATALOG: 'current_catalog',
  SVFOP_CURRENT_SCHEMA: 'current_schema',
};

/** The output column name PostgreSQL would choose; "?column?" when it has none. */
export function resultColumnName(node: Node | undefined): string {
  return figure(node).name;
}

/** The name an index column gets in a default index name: like the above, "expr" when nameless. */
export function indexColumnName(node: Node | undefined): string {
  const figured = figure(node);
  return figured.strength > 0 ? figured.name : 'expr';
}

function figure(node: Node | undefined): Figured {
  if (node === undefined) return none;
  switch (nodeKind(node)) {
    case 'ColumnRef': {
      // The last field that is a name; `t.*` has none.
      const fields = nodeBody(node, 'ColumnRef').fields ?? [];
      for (let i = fields.length - 1; i >= 0; i--) {
        const name = stringOf(fields[i]);
        if (name !== undefined) return { name, strength: 2 };
      }
      return none;
    }
    case 'A_Indirection': {
      const body = nodeBody(node, 'A_Indirection');
      const names = stringsOf(body.indirection);
      if (names.length > 0) return { name: names[names.length - 1]!, strength: 2 };
      return figure(body.arg);
    }
    case 'FuncCall': {
      const names = stringsOf(nodeBody(node, 'FuncCall').funcname);
      return { name: names[names.length - 1] ?? unnamedColumn, strength: 2 };
    }
    case 'A_Expr':
      return nodeBody(node, 'A_Expr').kind === 'AEXPR_NULLIF' ? { name: 'nullif', strength: 2 } : none;
    case 'TypeCast': {
      const body = nodeBody(node, 'TypeCast');
      const inner = figure(body.arg);
      if (inner.strength > 1) return inner;
      const names = stringsOf(body.typeName?.names);
      return names.length > 0 ? { name: names[names.length - 1]!, strength: 1 } : inner;
    }
    case 'CollateClause':
      return figure(nodeBody(node, 'CollateClause').arg);
    case 'GroupingFunc':
      return { name: 'grouping', strength: 2 };
    case 'SubLink':
      return figureSubLink(node);
    case 'CaseExpr': {
      const inner = figure(nodeBody(node, 'CaseExpr').defresult);
      return inner.strength > 1 ? inner : { name: 'case', strength: 1 };
    }
    case 'A_ArrayExpr':
      return { name: 'array', strength: 2 };
    case 'RowExpr':
      return { name: 'row', strength: 2 };
    case 'CoalesceExpr':
      return { name: 'coalesce', strength: 2 };
    case 'MinMaxExpr':
      return { name: nodeBody(node, 'MinMaxExpr').op === 'IS_LEAST' ? 'least' : 'greatest', strength: 2 };
    case 'SQLValueFunction': {
      const name = sqlValueFunctionNames[nodeBody(node, 'SQLValueFunction').op ?? ''];
      return name === undefined ? none : { name, strength: 2 };
    }
    default:
      return none;
  }
}

/** EXISTS → "exists", ARRAY(…) → "array", a scalar subquery → its first column's name. */
function figureSubLink(node: Node): Figured {
  const body = nodeBody(node, 'SubLink');
  switch (body.subLinkType) {
    case 'EXISTS_SUBLINK':
      return { name: 'exists', strength: 2 };
    case 'ARRAY_SUBLINK':
      return { name: 'array', strength: 2 };
    case 'EXPR_SUBLINK': {
      const select = asNode(body.subselect, 'SelectStmt');
      return select === undefined ? none : { name: firstColumnName(select), strength: 2 };
    }
    default:
      return none;
  }
}

/** A query's first output column name: the leftmost branch of a set operation decides. */
function firstColumnName(select: SelectStmt): string {
  let leftmost = select;
  while (leftmost.larg !== undefined && leftmost.op !== undefined && leftmost.op !== 'SETOP_NONE') leftmost = leftmost.larg;
  if (leftmost.valuesLists !== undefined) return 'column1';
  const first = asNode(leftmost.targetList?.[0], 'ResTarget');
  if (first === undefined) return unnamedColumn;
  return first.name ?? resultColumnName(first.val);
}
