/**
 * The conformance corpus: one `.sql` file per area under `cases/`. A file is a list of statements,
 * each ending with a `;` at the end of a line. Comment lines before a statement are directives:
 *
 *   -- setup            the statements that follow prepare the area (not counted as cases)
 *   -- case             the statements that follow are cases (the default)
 *   -- params: [1, "a"] bind these values ($1, $2, …) through the extended protocol
 *   -- unordered        compare rows as a multiset even though the statement has ORDER BY
 *   -- ordered          compare rows in order even though the statement has no ORDER BY
 *   -- anything else    a note for the reader
 *
 * A case's id is `<area>/<hash of its text and parameters>`, so inserting cases never renames
 * others; the same statement repeated in one file gets `-2`, `-3` ….
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';

export interface Statement {
  /** `<area>/<hash>`; unique across the corpus. */
  id: string;
  sql: string;
  params?: unknown[];
  /** Whether row order is part of the expected result. */
  ordered: boolean;
  /** 1-based line of the statement's first line, for messages. */
  line: number;
}

export interface Area {
  name: string;
  file: string;
  setup: Statement[];
  cases: Statement[];
}

export const casesDir = join(import.meta.dirname, 'cases');

/** Every area of the corpus, in file-name order. */
export function loadCorpus(dir: string = casesDir): Area[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.sql'))
    .sort()
    .map((name) => parseArea(basename(name, '.sql'), readFileSync(join(dir, name), 'utf8'), join(dir, name)));
}

/** An ORDER BY anywhere in the statement makes its row order part of the result. */
function hasOrderBy(sql: string): boolean {
  return /\border\s+by\b/i.test(sql);
}

export function parseArea(name: string, text: string, file = name): Area {
  const area: Area = { name, file, setup: [], cases: [] };
  const seen = new Map<string, number>();
  let section: 'setup' | 'case' = 'case';
  let params: unknown[] | undefined;
  let orderOverride: boolean | undefined;
  let lines: string[] = [];
  let startLine = 0;
  const fail = (line: number, message: string): never => {
    throw new Error(`${file}:${line}: ${message}`);
  };
  const rows = text.split('\n');
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]!;
    const trimmed = row.trim();
    if (lines.length === 0) {
      if (trimmed === '') continue;
      if (trimmed.startsWith('--')) {
        const directive = trimmed.slice(2).trim();
        if (directive === 'setup' || directive === 'case') section = directive;
        else if (directive === 'unordered') orderOverride = false;
        else if (directive === 'ordered') orderOverride = true;
        else if (directive.startsWith('params:')) {
          try {
            params = JSON.parse(directive.slice('params:'.length)) as unknown[];
          } catch (err) {
            fail(i + 1, `params are not a JSON array: ${(err as Error).message}`);
          }
          if (!Array.isArray(params)) fail(i + 1, 'params must be a JSON array');
        }
        continue;
      }
      startLine = i + 1;
    }
    lines.push(row);
    if (!trimmed.endsWith(';')) continue;
    const sql = lines.join('\n').trim().replace(/;$/, '').trim();
    const key = createHash('sha1').update(sql).update(params ? JSON.stringify(params) : '').digest('hex').slice(0, 8);
    const count = (seen.get(key) ?? 0) + 1;
    seen.set(key, count);
    const statement: Statement = {
      id: `${name}/${key}${count > 1 ? `-${count}` : ''}`,
      sql,
      ...(params ? { params } : {}),
      ordered: orderOverride ?? hasOrderBy(sql),
      line: startLine,
    };
    (section === 'setup' ? area.setup : area.cases).push(statement);
    lines = [];
    params = undefined;
    orderOverride = undefined;
  }
  if (lines.length > 0) fail(startLine, 'statement without a terminating ";" at the end of a line');
  return area;
}
