import { open, stat, type FileHandle } from 'node:fs/promises';

/**
 * fdatasync of a database's WAL file (`<path>-wal`), for WalGroupSync: on Linux a sync through
 * any descriptor of the file makes all of its written pages durable, so the writer's own
 * descriptor is not needed. The handle is reopened when the file was replaced (a new inode).
 */
export function walFileSync(databasePath: string): () => Promise<void> {
  const walPath = `${databasePath}-wal`;
  let handle: FileHandle | undefined;
  let inode: number | undefined;
  return async () => {
    const current = await stat(walPath).catch((err: NodeJS.ErrnoException) => {
      if (err.code === 'ENOENT') return undefined; // no WAL: nothing committed through one
      throw err;
    });
    if (current === undefined) return;
    if (handle === undefined || inode !== current.ino) {
      await handle?.close().catch(() => undefined);
      handle = await open(walPath, 'r');
      inode = current.ino;
    }
    await handle.datasync();
  };
}
