import type { TypeScope } from '../infer-output-types.js';
import type { Term } from '../types/type-terms.js';
import type { Node } from './parse-tree.js';

/** A SELECT's ORDER BY item that may be a computed numeric: its type term, and the output alias a position names. */
export interface SortKey {
  term: Term;
  alias?: string;
  /** The item's type term including plain columns (an enum column sorts by position: enum-ordering.ts). */
  enumTerm?: Term;
  /** The expression an output position names, when it is a plain column (ORDER BY 1 of SELECT m). */
  keyExpression?: Node;
}
import type { TranslationContext } from './translate-statement.js';

/** Column qualifiers to rewrite inside RETURNING (SQLite knows the target by table name only). */
export interface QualifierRewrite {
  /** The qualifier written in PostgreSQL (the target's alias, or its name). */
  from: string;
  /** What SQLite needs there (the table's own name). */
  to: string;
}

/** Column references that name a set-returning function's columns in FROM (range-functions.ts). */
export interface RangeScope {
  /** `alias.column` → SQL. */
  qualified: Map<string, string>;
  /** `column` (or the alias of a one-column function) → SQL. */
  unqualified: Map<string, string>;
}

/**
 * What one translateStatement call carries through the tree walk: the caller's context, the
 * highest parameter number seen, and the small amount of scoping state some constructs need.
 */
export class TranslationState {
  /** Highest $n seen; PostgreSQL numbers parameters from 1 and so does SQLite's ?NNN. */
  paramCount = 0;
  /** Set only while a RETURNING list is being written. */
  returningQualifier: QualifierRewrite | undefined;
  /** Set-returning functions of the enclosing SELECTs' FROM clauses, innermost last. */
  readonly rangeScopes: RangeScope[] = [];
  /** The innermost SELECT's names, for typing expressions over its columns (infer-output-types.ts). */
  typeScope: TypeScope | undefined;
  /** Set while a SELECT's own ORDER BY is written: which items may sort computed numerics (sort-clauses.ts). */
  sortKeyOf: ((key: Node) => SortKey | undefined) | undefined;
  /**
   * SQLite statements that must run before the translated statement, as one unit with it: the
   * data-modifying statements of its WITH clause (data-modifying-ctes.ts).
   */
  readonly prelude: string[] = [];
  /** Set while one part of a split INSERT is written: the parameters it uses (insert-statement.ts). */
  paramsUsed: Set<number> | undefined;
  /** Parameters a part of a split INSERT must name without using them (insert-statement.ts). */
  unusedInsertParams: number[] | undefined;
  /** How many trailing statements of the translation make up the result (insertStatements). */
  resultStatements = 1;
  /** Data-modifying CTEs translated so far; numbers their captured rows. */
  modifyingCtes = 0;
  /** The statement's own WITH clause: the only one that may hold data-modifying statements. */
  topLevelWith: unknown;
  /** The statement being translated (its parse tree), for checks over the whole of it. */
  topLevelStatement: Node | undefined;
  /** LATERAL subqueries written as json_each FROM items (lateral-subqueries.ts), by their node. */
  readonly lateralFromItems = new Map<object, string>();
  lateralItems = 0;
  private syntheticNames = 0;

  constructor(readonly context: TranslationContext) {}

  /** Writes a statement with `scope` as the innermost type scope, restoring the outer one after. */
  inTypeScope<T>(scope: TypeScope | undefined, write: () => T): T {
    const outer = this.typeScope;
    this.typeScope = scope;
    try {
      return write();
    } finally {
      this.typeScope = outer;
    }
  }

  useParam(n: number): void {
    if (n > this.paramCount) this.paramCount = n;
    this.paramsUsed?.add(n);
  }

  /**
   * A name for a helper CTE that no user query can mean (the prefix is ours), numbered so nested
   * helpers never shadow each other. Deterministic per statement, so cached translations agree.
   */
  syntheticName(): string {
    this.syntheticNames++;
    return `pgsqlite_renamed_${this.syntheticNames}`;
  }
}
