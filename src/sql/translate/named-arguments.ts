/**
 * Named arguments (`make_interval(days => 3)`): SQLite functions take their arguments by position,
 * so a call with `name => value` is rewritten to PostgreSQL's positional order, with the declared
 * defaults for the parameters it leaves out. Only the built-in functions whose parameters have
 * names (and defaults) in pg_proc are known here.
 */
import { PgError } from '../../protocol/pg-error.js';
import { SqlState } from '../../protocol/sqlstate.js';
import { asNode, type Node } from './parse-tree.js';

interface Signature {
  names: string[];
  /** Defaults of the trailing parameters, as constants (undefined: the parameter is required). */
  defaults: (Node | undefined)[];
}

const zero: Node = { A_Const: { ival: { ival: 0 } } } as Node;
const zeroFloat: Node = { A_Const: { fval: { fval: '0.0' } } } as Node;

const signatures: Record<string, Signature> = {
  make_interval: {
    names: ['years', 'months', 'weeks', 'days', 'hours', 'mins', 'secs'],
    defaults: [zero, zero, zero, zero, zero, zero, zeroFloat],
  },
  make_date: { names: ['year', 'month', 'day'], defaults: [] },
  make_time: { names: ['hour', 'min', 'sec'], defaults: [] },
  make_timestamp: { names: ['year', 'month', 'mday', 'hour', 'min', 'sec'], defaults: [] },
  make_timestamptz: { names: ['year', 'month', 'mday', 'hour', 'min', 'sec', 'timezone'], defaults: [] },
};

/** The arguments in positional order; `args` as they are when none is named. */
export function positionalArguments(name: string, args: Node[]): Node[] {
  if (!args.some((arg) => asNode(arg, 'NamedArgExpr') !== undefined)) return args;
  const signature = signatures[name];
  // Another function's parameter names are not known here: the named argument is refused (0A000) where it is translated.
  if (signature === undefined) return args;
  const placed: (Node | undefined)[] = [];
  let named = false;
  for (const arg of args) {
    const namedArg = asNode(arg, 'NamedArgExpr');
    if (namedArg === undefined) {
      if (named) throw new PgError({ code: SqlState.syntaxError, message: 'positional argument cannot follow named argument' });
      placed.push(arg);
      continue;
    }
    named = true;
    const at = signature.names.indexOf(namedArg.name ?? '');
    if (at < 0 || placed[at] !== undefined) throw noSuchFunction(name);
    placed[at] = namedArg.arg as Node;
  }
  const firstDefault = signature.names.length - signature.defaults.length;
  const filled: Node[] = [];
  // Trailing parameters nobody named stay off the call when every one of them has a default.
  const last = Math.max(placed.length, firstDefault);
  for (let i = 0; i < last; i++) {
    const value = placed[i] ?? (i >= firstDefault ? signature.defaults[i - firstDefault] : undefined);
    if (value === undefined) throw noSuchFunction(name);
    filled.push(value);
  }
  return filled;
}

function noSuchFunction(name: string): PgError {
  return new PgError({
    code: SqlState.undefinedFunction,
    message: `function ${name} with these named arguments does not exist`,
    hint: 'No function matches the given name and argument types. You might need to add explicit type casts.',
  });
}
