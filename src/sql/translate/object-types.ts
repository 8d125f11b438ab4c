/** SQL words for PostgreSQL object types, for naming refused DDL ("DROP SEQUENCE …"). */
import type { ObjectType } from 'libpg-query';

const specialWords: Record<string, string> = {
  OBJECT_MATVIEW: 'MATERIALIZED VIEW',
  OBJECT_FDW: 'FOREIGN DATA WRAPPER',
  OBJECT_FOREIGN_SERVER: 'SERVER',
  OBJECT_TABCONSTRAINT: 'CONSTRAINT',
  OBJECT_DOMCONSTRAINT: 'DOMAIN CONSTRAINT',
  OBJECT_TSCONFIGURATION: 'TEXT SEARCH CONFIGURATION',
  OBJECT_TSDICTIONARY: 'TEXT SEARCH DICTIONARY',
  OBJECT_TSPARSER: 'TEXT SEARCH PARSER',
  OBJECT_TSTEMPLATE: 'TEXT SEARCH TEMPLATE',
  OBJECT_STATISTIC_EXT: 'STATISTICS',
};

/** OBJECT_SEQUENCE → 'SEQUENCE', OBJECT_FOREIGN_TABLE → 'FOREIGN TABLE'. */
export function objectTypeWords(type: ObjectType | undefined): string {
  if (type === undefined) return 'object';
  return specialWords[type] ?? type.slice('OBJECT_'.length).split('_').join(' ');
}
