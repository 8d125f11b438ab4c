/**
 * Byte offsets of the DataRow messages in an encoded result, so an Execute with a row limit
 * can send part of it and resume there (PortalSuspended).
 */
export function dataRowOffsets(rows: Uint8Array): number[] {
  const view = Buffer.from(rows.buffer, rows.byteOffset, rows.byteLength);
  const offsets: number[] = [];
  let pos = 0;
  while (pos < view.length) {
    offsets.push(pos);
    pos += 1 + view.readInt32BE(pos + 1);
  }
  offsets.push(pos);
  return offsets;
}

/** The bytes of rows [from, to) given the offsets from dataRowOffsets. */
export function sliceRows(rows: Uint8Array, offsets: number[], from: number, to: number): Uint8Array {
  return rows.subarray(offsets[from], offsets[to]);
}
