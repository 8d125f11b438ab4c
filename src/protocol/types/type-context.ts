/**
 * Session settings that change how values are read or printed.
 * - timeZone: the TimeZone setting (IANA name, 'UTC', a POSIX spec like 'UTC+2' or '<+03>-3',
 *   or plain hours east like '+02' / '5.5', with PostgreSQL's meaning for each form).
 * - dateStyle: only the field order part ('MDY' default, 'DMY', 'YMD') is used, for reading
 *   ambiguous dates like '1/8/1999'. Output is always DateStyle ISO.
 * - intervalStyle: 'postgres' (default), 'postgres_verbose', 'sql_standard' or 'iso_8601'.
 */
export interface TypeContext {
  timeZone: string;
  dateStyle?: string;
  intervalStyle?: string;
}
