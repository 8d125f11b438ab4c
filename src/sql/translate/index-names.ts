/**
 * PostgreSQL's default names for indexes and index-backed constraints (indexcmds.c's
 * ChooseIndexName / makeObjectName): `<table>_<columns>_idx`, `_key` for UNIQUE constraints,
 * `_pkey` for primary keys, cut to fit NAMEDATALEN (63 bytes) by shortening the longer part first.
 * TODO(catalog): PostgreSQL appends a number when the name is taken (t_a_idx1); that needs the
 * catalog, so a clash is an error here.
 */
const maxNameBytes = 63;

/** The column part: names joined by "_", stopping once it is already too long to matter. */
export function joinColumnNames(names: string[]): string {
  let text = '';
  for (const name of names) {
    if (text.length > 0) text += '_';
    text += clipBytes(name, maxNameBytes);
    if (Buffer.byteLength(text) > maxNameBytes) break;
  }
  return text;
}

export function makeObjectName(table: string, columns: string | undefined, label: string): string {
  const overhead = (columns !== undefined ? 1 : 0) + label.length + 1;
  const available = maxNameBytes - overhead;
  let tableBytes = Buffer.byteLength(table);
  let columnBytes = columns !== undefined ? Buffer.byteLength(columns) : 0;
  while (tableBytes + columnBytes > available) {
    if (tableBytes > columnBytes) tableBytes--;
    else columnBytes--;
  }
  let name = clipBytes(table, tableBytes);
  if (columns !== undefined) name += '_' + clipBytes(columns, columnBytes);
  return name + '_' + label;
}

/** The longest prefix of `text` of at most `limit` UTF-8 bytes that ends on a character boundary. */
function clipBytes(text: string, limit: number): string {
  let bytes = 0;
  let index = 0;
  while (index < text.length) {
    const code = text.codePointAt(index)!;
    const size = code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
    if (bytes + size > limit) break;
    bytes += size;
    index += code >= 0x10000 ? 2 : 1;
  }
  return text.slice(0, index);
}
