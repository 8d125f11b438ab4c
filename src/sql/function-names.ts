import type { AstNode } from './parser.js';

/** Every function name called anywhere in a statement (lower case, schema dropped). */
export function functionNamesOf(stmt: AstNode): Set<string> {
  const names = new Set<string>();
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) {
      for (const item of node) visit(item);
      return;
    }
    if (!node || typeof node !== 'object') return;
    const record = node as Record<string, unknown>;
    const call = record.FuncCall as { funcname?: AstNode[] } | undefined;
    if (call?.funcname) {
      const last = call.funcname[call.funcname.length - 1];
      if (last?.String?.sval) names.add(String(last.String.sval).toLowerCase());
    }
    for (const value of Object.values(record)) if (value && typeof value === 'object') visit(value);
  };
  visit(stmt);
  return names;
}
