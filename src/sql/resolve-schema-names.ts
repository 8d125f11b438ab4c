/**
 * Resolves schema-qualified and search_path-relative relation names in a parse tree before it is
 * translated: every relation of a user schema (or a public one whose name contains a dot) gets
 * its SQLite name (schema-names.ts) as `relname` and no `schemaname`, so the translator and the
 * type inference see a plain table of main. Relations read by a query keep the name they were
 * written with as their alias (`FROM s.t` → `FROM "s.t" AS t`), so `t.col` still finds them.
 *
 * Unqualified names go through the session's search path only when it is not just public
 * (NamespaceContext.key !== ''); a name no schema of the path has is left alone (a TEMP table, a
 * catalog relation, or the "does not exist" error of SQLite). CTE names are never resolved.
 */
import { PgError } from '../protocol/pg-error.js';
import { SqlState } from '../protocol/sqlstate.js';
import { connectionCatalogRelations } from './catalog-relations.js';
import type { AstNode } from './parser.js';
import { schemaOfIndex, schemaOfRelation, schemaOfSequence, type NamespaceContext } from './search-path.js';
import { publicSchema, storageName, systemSchemas } from './schema-names.js';

type Role = 'create' | 'from' | 'lookup' | 'sequence' | undefined;

/** Whether a statement needs the pass at all (cheap check on the default search path). */
function mentionsSchemas(node: unknown): boolean {
  if (Array.isArray(node)) return node.some(mentionsSchemas);
  if (node === null || typeof node !== 'object') return false;
  const record = node as AstNode;
  const range = typeof record.relname === 'string' ? record : record.RangeVar;
  if (range !== undefined && (range.schemaname !== undefined || String(range.relname ?? '').includes('.'))) return true;
  const fields = record.ColumnRef?.fields;
  if (Array.isArray(fields) && fields.length === 3) return true;
  if (record.CreateSchemaStmt !== undefined || record.DropStmt !== undefined || record.RenameStmt !== undefined) return true;
  const call = record.FuncCall?.funcname as AstNode[] | undefined;
  if (call !== undefined && call.at(-1)?.String?.sval === 'pg_table_is_visible') return true;
  for (const key in record) {
    const value = record[key];
    if (typeof value === 'object' && value !== null && mentionsSchemas(value)) return true;
  }
  return false;
}

/** The statement with relation names resolved (a copy; the same object when nothing changes). */
export function resolveSchemaNames(stmt: AstNode, context: NamespaceContext | undefined): AstNode {
  const searching = context !== undefined && context.key !== '';
  if (!searching && !mentionsSchemas(stmt)) return stmt;
  const copy = structuredClone(stmt);
  new Resolver(searching ? context : undefined).visit(copy, undefined);
  return copy;
}

function createSchemaError(): never {
  throw new PgError({ code: SqlState.invalidSchemaName, message: 'no schema has been selected to create in' });
}

class Resolver {
  private readonly cteScopes: Set<string>[] = [];
  /** Inside CREATE SCHEMA s …: the schema and the relations its elements create. */
  private elementSchema: string | undefined;
  private readonly elementNames = new Set<string>();

  /** `context` only when unqualified names are looked up along a search path. */
  constructor(private readonly context: NamespaceContext | undefined) {}

  visit(node: unknown, role: Role): void {
    if (Array.isArray(node)) {
      for (const item of node) this.visit(item, role);
      return;
    }
    if (node === null || typeof node !== 'object') return;
    const record = node as AstNode;
    // Fields typed as one node kind (InsertStmt.relation, IntoClause.rel, …) hold the body unwrapped.
    if (typeof record.relname === 'string') {
      this.rangeVar(record, role ?? 'lookup');
      return;
    }
    const keys = Object.keys(record);
    const kind = keys.length === 1 && /^[A-Z]/.test(keys[0]!) ? keys[0]! : undefined;
    if (kind === undefined) {
      this.visitBody('', record, record);
      return;
    }
    const body = record[kind];
    if (body === null || typeof body !== 'object' || Array.isArray(body)) return;
    if (kind === 'RangeVar') this.rangeVar(body, role ?? 'lookup');
    else this.visitBody(kind, body, record);
  }

  private visitBody(kind: string, body: AstNode, wrapper: AstNode): void {
    const ctes = body.withClause?.ctes as AstNode[] | undefined;
    if (ctes !== undefined) this.cteScopes.push(new Set(ctes.map((cte) => String(cte.CommonTableExpr?.ctename ?? ''))));
    try {
      this.beforeFields(kind, body, wrapper);
      for (const field in body) {
        const value = body[field];
        if (value !== null && typeof value === 'object') this.visit(value, roleOf(kind, field));
      }
    } finally {
      if (ctes !== undefined) this.cteScopes.pop();
    }
  }

  private beforeFields(kind: string, body: AstNode, wrapper: AstNode): void {
    switch (kind) {
      case 'CreateSchemaStmt': {
        // Schema elements (CREATE SCHEMA s CREATE TABLE t …) are created in the new schema.
        // Unqualified names inside the elements find the relations the elements create, as in PostgreSQL.
        const schema = body.schemaname ?? body.authrole?.rolename;
        if (schema === undefined) break;
        for (const element of (body.schemaElts ?? []) as AstNode[]) {
          const target = element.CreateStmt?.relation ?? element.ViewStmt?.view ?? element.CreateSeqStmt?.sequence;
          if (target !== undefined && target.schemaname === undefined) {
            this.elementNames.add(String(target.relname ?? ''));
            target.schemaname = schema;
          }
          const indexed = element.IndexStmt?.relation;
          if (indexed !== undefined && indexed.schemaname === undefined) indexed.schemaname = schema;
        }
        this.elementSchema = schema;
        break;
      }
      case 'ColumnRef': {
        // s.t.col → t.col: the FROM item keeps t as its alias.
        const fields = body.fields as AstNode[] | undefined;
        const schema = fields?.[0]?.String?.sval;
        if (fields?.length === 3 && typeof schema === 'string' && !systemSchemas.has(schema)) fields.shift();
        break;
      }
      case 'DropStmt':
        this.dropObjects(body);
        break;
      case 'RenameStmt':
        this.renameTarget(body);
        break;
      case 'IndexStmt':
        this.indexName(body);
        break;
      case 'FuncCall':
        this.functionCall(body, wrapper);
        break;
      case 'SQLValueFunction':
        if (body.op === 'SVFOP_CURRENT_SCHEMA' && this.context !== undefined) replaceNode(wrapper, currentSchemaCall(this.context));
        break;
    }
  }

  private inCte(name: string): boolean {
    return this.cteScopes.some((scope) => scope.has(name));
  }

  /** The schema an unqualified name of this role resolves to (undefined: leave the name alone). */
  private schemaFor(name: string, role: Role): string | undefined {
    const context = this.context;
    if (role === 'create') {
      if (context === undefined) return publicSchema;
      return context.searchPath[0] ?? createSchemaError();
    }
    if (this.elementSchema !== undefined && this.elementNames.has(name)) return this.elementSchema;
    if (context === undefined) return publicSchema;
    if (connectionCatalogRelations.has(name) || name.startsWith('pg_')) return undefined;
    return role === 'sequence' ? schemaOfSequence(context, name) : schemaOfRelation(context, name);
  }

  private rangeVar(range: AstNode, role: Role): void {
    if (range.catalogname !== undefined || range.relpersistence === 't') return;
    const explicit = range.schemaname as string | undefined;
    if (explicit !== undefined && systemSchemas.has(explicit)) return;
    const relname = String(range.relname ?? '');
    if (explicit === undefined && this.inCte(relname)) return;
    const schema = explicit ?? this.schemaFor(relname, role);
    if (schema === undefined) return;
    const stored = storageName(schema, relname);
    delete range.schemaname;
    if (stored === relname) return;
    range.relname = stored;
    if (role === 'from' && range.alias === undefined) range.alias = { aliasname: relname };
  }

  /** DROP TABLE/VIEW/INDEX/SEQUENCE names (lists of strings, not RangeVars). */
  private dropObjects(body: AstNode): void {
    const kinds: Record<string, 'relation' | 'index' | 'sequence'> = {
      OBJECT_TABLE: 'relation', OBJECT_VIEW: 'relation', OBJECT_MATVIEW: 'relation', OBJECT_INDEX: 'index', OBJECT_SEQUENCE: 'sequence',
    };
    const kind = kinds[body.removeType];
    if (kind === undefined) return;
    for (const object of (body.objects ?? []) as AstNode[]) {
      const items = object.List?.items as AstNode[] | undefined;
      if (items === undefined) continue;
      const parts = items.map((item) => String(item.String?.sval ?? ''));
      let schema: string | undefined;
      let name: string;
      if (parts.length === 2 && !systemSchemas.has(parts[0]!)) {
        [schema, name] = parts as [string, string];
      } else if (parts.length === 1) {
        name = parts[0]!;
        const context = this.context;
        if (context !== undefined) {
          schema = kind === 'index' ? schemaOfIndex(context, name) : kind === 'sequence' ? schemaOfSequence(context, name) : schemaOfRelation(context, name);
        }
        schema ??= publicSchema;
      } else {
        continue;
      }
      object.List.items = [{ String: { sval: storageName(schema, name) } }];
    }
  }

  /** ALTER TABLE … RENAME TO n keeps the table in its schema: n becomes that schema's SQLite name. */
  private renameTarget(body: AstNode): void {
    const relation = body.relation as AstNode | undefined;
    if (relation === undefined || body.renameType === 'OBJECT_COLUMN' || body.renameType === 'OBJECT_SCHEMA') return;
    if (relation.relpersistence === 't' || (relation.schemaname !== undefined && systemSchemas.has(relation.schemaname))) return;
    const lookup: Role = body.renameType === 'OBJECT_SEQUENCE' ? 'sequence' : 'lookup';
    const schema = relation.schemaname ?? this.schemaFor(String(relation.relname ?? ''), lookup) ?? publicSchema;
    if (typeof body.newname === 'string') body.newname = storageName(schema, body.newname);
  }

  /** A named index is created in its table's schema. */
  private indexName(body: AstNode): void {
    const relation = body.relation as AstNode | undefined;
    if (typeof body.idxname !== 'string' || relation === undefined) return;
    if (relation.schemaname !== undefined && systemSchemas.has(relation.schemaname)) return;
    const schema = relation.schemaname ?? this.schemaFor(String(relation.relname ?? ''), 'lookup') ?? publicSchema;
    body.idxname = storageName(schema, body.idxname);
  }

  /** current_schema(), current_schemas(bool) and the sequence name of nextval('seq') on a search path. */
  private functionCall(body: AstNode, wrapper: AstNode): void {
    const names = (body.funcname as AstNode[] | undefined)?.map((part) => part.String?.sval);
    const name = names?.at(-1);
    if (names === undefined || (names.length === 2 && names[0] !== 'pg_catalog')) return;
    const args = (body.args ?? []) as AstNode[];
    if (name === 'pg_table_is_visible' && args.length === 1) {
      // The catalog macro compares the relation's schema with the path (src/sql/translate/catalog-macros.ts).
      body.args = [...args, stringConstant(JSON.stringify(['pg_catalog', ...(this.context?.searchPath ?? [publicSchema])]))];
      return;
    }
    const context = this.context;
    if (context === undefined) return;
    if (name === 'current_schema' && args.length === 0) {
      replaceNode(wrapper, currentSchemaCall(context));
    } else if (name === 'current_schemas' && args.length === 1) {
      // The engine's current_schemas(implicit, path) prints the path it is given.
      body.args = [...args, stringConstant(JSON.stringify(context.searchPath))];
    } else if ((name === 'nextval' || name === 'currval' || name === 'setval') && args[0]?.A_Const?.sval !== undefined) {
      const sequence = String(args[0].A_Const.sval.sval ?? '');
      if (sequence.includes('.')) return;
      const schema = schemaOfSequence(context, sequence);
      if (schema !== undefined) args[0].A_Const.sval.sval = storageName(schema, sequence);
    }
  }
}

/** Which relations a RangeVar directly under `kind.field` names. */
function roleOf(kind: string, field: string): Role {
  if (field === 'fromClause' || field === 'usingClause') return 'from';
  if (kind === 'JoinExpr' && (field === 'larg' || field === 'rarg')) return 'from';
  if (field === 'relation' && (kind === 'InsertStmt' || kind === 'UpdateStmt' || kind === 'DeleteStmt' || kind === 'MergeStmt')) return 'from';
  if ((kind === 'CreateStmt' && field === 'relation') || (kind === 'ViewStmt' && field === 'view')) return 'create';
  if (field === 'rel' || (kind === 'CreateSeqStmt' && field === 'sequence')) return 'create';
  if (kind === 'AlterSeqStmt' && field === 'sequence') return 'sequence';
  return undefined;
}

function replaceNode(wrapper: AstNode, replacement: AstNode): void {
  for (const key of Object.keys(wrapper)) delete wrapper[key];
  Object.assign(wrapper, replacement);
}

function stringConstant(value: string): AstNode {
  return { A_Const: { sval: { sval: value } } };
}

/**
 * current_schema: the first schema of the effective path (NULL when none exists), given to the
 * engine's current_schema(name) so the column keeps its name and type.
 */
function currentSchemaCall(context: NamespaceContext): AstNode {
  const first = context.searchPath[0];
  const arg = first === undefined ? { A_Const: { isnull: true } } : stringConstant(first);
  return { FuncCall: { funcname: [{ String: { sval: 'current_schema' } }], args: [arg], funcformat: 'COERCE_EXPLICIT_CALL' } };
}
