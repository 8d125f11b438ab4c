import type { AstNode } from './parser.js';

/** Calls `found` for every node of the given type anywhere in a statement. */
function walk(stmt: AstNode, type: string, found: (node: Record<string, unknown>) => void): void {
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) {
      for (const item of node) visit(item);
      return;
    }
    if (!node || typeof node !== 'object') return;
    const record = node as Record<string, unknown>;
    const match = record[type];
    if (match && typeof match === 'object') found(match as Record<string, unknown>);
    for (const value of Object.values(record)) if (value && typeof value === 'object') visit(value);
  };
  visit(stmt);
}

/** Every function name called anywhere in a statement (lower case, schema dropped). */
export function functionNamesOf(stmt: AstNode): Set<string> {
  const names = new Set<string>();
  walk(stmt, 'FuncCall', (call) => {
    const parts = call.funcname as AstNode[] | undefined;
    const last = parts?.[parts.length - 1];
    if (last?.String?.sval) names.add(String(last.String.sval).toLowerCase());
  });
  return names;
}

/** Every relation name referenced anywhere in a statement (schema dropped). */
export function relationNamesOf(stmt: AstNode): Set<string> {
  const names = new Set<string>();
  walk(stmt, 'RangeVar', (range) => {
    if (typeof range.relname === 'string') names.add(range.relname);
  });
  return names;
}
