/**
 * Reading libpg-query's JSON parse tree. Every node is a one-key object `{ NodeType: { ...fields } }`;
 * these helpers name that key and give the body its @pgsql/types shape, so the translators can
 * switch on node kinds without re-checking shapes by hand.
 */
import type { Node } from 'libpg-query';

export type { Node };

type KeysOfUnion<T> = T extends unknown ? keyof T : never;

/** 'SelectStmt', 'A_Const', 'ColumnRef', … */
export type NodeKind = KeysOfUnion<Node>;

/** The body type of a node kind, e.g. NodeBody<'A_Const'> is A_Const. */
export type NodeBody<K extends NodeKind> = Extract<Node, Record<K, unknown>>[K];

/**
 * The node's type name. for-in rather than Object.keys: this runs for every node of every
 * statement, and for-in on a one-key object allocates nothing.
 */
export function nodeKind(node: Node): NodeKind {
  for (const key in node) return key as NodeKind;
  return '' as NodeKind;
}

/** The node's body, typed for the kind the caller has already matched. */
export function nodeBody<K extends NodeKind>(node: Node, kind: K): NodeBody<K> {
  return (node as Record<string, unknown>)[kind] as NodeBody<K>;
}

/** The body when the node is of that kind, else undefined. */
export function asNode<K extends NodeKind>(node: Node | undefined, kind: K): NodeBody<K> | undefined {
  if (node === undefined) return undefined;
  return (node as Record<string, unknown>)[kind] as NodeBody<K> | undefined;
}

/** The text of a `{ String: { sval } }` node; undefined for any other node. */
export function stringOf(node: Node | undefined): string | undefined {
  const body = asNode(node, 'String');
  return body === undefined ? undefined : (body.sval ?? '');
}

/** The texts of a list of String nodes (qualified names, column lists); other nodes are skipped. */
export function stringsOf(nodes: Node[] | undefined): string[] {
  const out: string[] = [];
  if (nodes === undefined) return out;
  for (const node of nodes) {
    const text = stringOf(node);
    if (text !== undefined) out.push(text);
  }
  return out;
}

/**
 * The parser writes `{}` for an empty node, e.g. the single element of distinctClause for a plain
 * DISTINCT (as opposed to DISTINCT ON (…)).
 */
export function isEmptyNode(node: Node | undefined): boolean {
  if (node === undefined) return true;
  for (const _ in node) return false;
  return true;
}
