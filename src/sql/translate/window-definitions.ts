/**
 * Window specifications: OVER name, OVER (…), and the WINDOW clause. SQLite (3.28+) has the same
 * frame grammar as PostgreSQL: ROWS/RANGE/GROUPS, BETWEEN, UNBOUNDED, CURRENT ROW, offsets, EXCLUDE.
 */
import type { WindowDef } from 'libpg-query';
import { expression, expressionList } from './expressions.js';
import { quoteIdentifier } from './identifiers.js';
import { nodeBody, type Node } from './parse-tree.js';
import { sortList } from './sort-clauses.js';
import type { TranslationState } from './translation-state.js';

// frameOptions bits, from PostgreSQL's parsenodes.h (FRAMEOPTION_*).
const NONDEFAULT = 0x1;
const RANGE = 0x2;
const ROWS = 0x4;
const GROUPS = 0x8;
const BETWEEN = 0x10;
const START_UNBOUNDED_PRECEDING = 0x20;
const END_UNBOUNDED_FOLLOWING = 0x100;
const START_CURRENT_ROW = 0x200;
const END_CURRENT_ROW = 0x400;
const START_OFFSET_PRECEDING = 0x800;
const END_OFFSET_PRECEDING = 0x1000;
const START_OFFSET_FOLLOWING = 0x2000;
const END_OFFSET_FOLLOWING = 0x4000;
const EXCLUDE_CURRENT_ROW = 0x8000;
const EXCLUDE_GROUP = 0x10000;
const EXCLUDE_TIES = 0x20000;

/** What follows OVER: a bare window name, or a parenthesised specification. */
export function overClause(st: TranslationState, def: WindowDef): string {
  const bare = def.name !== undefined && def.refname === undefined && !def.partitionClause?.length
    && !def.orderClause?.length && !((def.frameOptions ?? 0) & NONDEFAULT);
  if (bare) return quoteIdentifier(def.name!);
  return '(' + windowSpecification(st, def) + ')';
}

/** The WINDOW clause: `w AS (…), …`. */
export function windowClause(st: TranslationState, defs: Node[]): string {
  let text = '';
  for (let i = 0; i < defs.length; i++) {
    const def = nodeBody(defs[i]!, 'WindowDef');
    if (i > 0) text += ', ';
    text += quoteIdentifier(def.name ?? '') + ' AS (' + windowSpecification(st, def) + ')';
  }
  return text;
}

function windowSpecification(st: TranslationState, def: WindowDef): string {
  const parts: string[] = [];
  if (def.refname !== undefined) parts.push(quoteIdentifier(def.refname));
  if (def.partitionClause?.length) parts.push('PARTITION BY ' + expressionList(st, def.partitionClause));
  if (def.orderClause?.length) parts.push('ORDER BY ' + sortList(st, def.orderClause));
  const frame = frameClause(st, def);
  if (frame !== '') parts.push(frame);
  return parts.join(' ');
}

/** Nothing when the frame is the default, which SQLite's default frame equals. */
function frameClause(st: TranslationState, def: WindowDef): string {
  const options = def.frameOptions ?? 0;
  if (!(options & NONDEFAULT)) return '';
  const mode = options & ROWS ? 'ROWS' : options & GROUPS ? 'GROUPS' : options & RANGE ? 'RANGE' : 'RANGE';
  const start = startBound(st, options, def);
  let text = options & BETWEEN ? `${mode} BETWEEN ${start} AND ${endBound(st, options, def)}` : `${mode} ${start}`;
  if (options & EXCLUDE_CURRENT_ROW) text += ' EXCLUDE CURRENT ROW';
  else if (options & EXCLUDE_GROUP) text += ' EXCLUDE GROUP';
  else if (options & EXCLUDE_TIES) text += ' EXCLUDE TIES';
  return text;
}

function startBound(st: TranslationState, options: number, def: WindowDef): string {
  if (options & START_UNBOUNDED_PRECEDING) return 'UNBOUNDED PRECEDING';
  if (options & START_CURRENT_ROW) return 'CURRENT ROW';
  if (options & START_OFFSET_PRECEDING) return expression(st, def.startOffset!) + ' PRECEDING';
  if (options & START_OFFSET_FOLLOWING) return expression(st, def.startOffset!) + ' FOLLOWING';
  return 'UNBOUNDED PRECEDING';
}

function endBound(st: TranslationState, options: number, def: WindowDef): string {
  if (options & END_UNBOUNDED_FOLLOWING) return 'UNBOUNDED FOLLOWING';
  if (options & END_CURRENT_ROW) return 'CURRENT ROW';
  if (options & END_OFFSET_PRECEDING) return expression(st, def.endOffset!) + ' PRECEDING';
  if (options & END_OFFSET_FOLLOWING) return expression(st, def.endOffset!) + ' FOLLOWING';
  return 'CURRENT ROW';
}
