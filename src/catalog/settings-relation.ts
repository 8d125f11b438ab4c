import type Database from 'better-sqlite3';
import { findSetting } from '../session/setting-definitions.js';

const settingColumns = ['name', 'setting', 'unit', 'category', 'short_desc', 'extra_desc', 'context', 'vartype', 'source', 'min_val',
  'max_val', 'enumvals', 'boot_val', 'reset_val', 'sourcefile', 'sourceline', 'pending_restart'] as const;

/**
 * pg_settings: the settings of the session running the statement, as an eponymous virtual table
 * (PostgreSQL's columns; what this server does not track — units, ranges, sources — is NULL or
 * 'default'). Values come from the session context the engine already has for current_setting().
 */
export function registerSettingsRelation(db: Database.Database, settings: () => Record<string, string>): void {
  db.table('pg_settings', {
    columns: [...settingColumns],
    *rows() {
      const current = settings();
      for (const name of Object.keys(current).sort()) {
        const definition = findSetting(name);
        // psql completes SET from the 'user'/'superuser' rows, so read-only settings must say 'internal'.
        if (definition?.hiddenFromSettingsView) continue;
        const context = definition?.context ?? (definition?.readOnly ? 'internal' : 'user');
        const value = current[name]!;
        const vartype = /^(on|off|true|false)$/i.test(value) ? 'bool' : /^-?\d+$/.test(value) ? 'integer' : 'string';
        yield [name, value, null, 'Ungrouped', '', null, context, vartype, 'default', null, null, null, value, value, null, null, 'f'];
      }
    },
  });
}
