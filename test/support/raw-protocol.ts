import net from 'node:net';
import { parse, serialize } from 'pg-protocol';

/**
 * A minimal protocol-level client: sends any frontend messages and records what comes back as
 * short strings ("row:1", "suspended", "complete:SELECT 2", "error:34000"), so two servers'
 * answers to the same message sequence can be compared exactly. Trust authentication only.
 */
export interface RawSession {
  /** Sends the messages (then waits for ReadyForQuery when the batch ends with Sync or a Query). */
  send(messages: Buffer[]): Promise<void>;
  /** Sends the messages without waiting for anything (a batch split over several writes). */
  write(messages: Buffer[]): void;
  /** Everything recorded so far, and forget it. */
  take(): string[];
  close(): void;
}

export { serialize };

export async function openRawSession(port: number, user: string, database: string): Promise<RawSession> {
  const socket = net.connect(port, '127.0.0.1');
  let events: string[] = [];
  const waiters: (() => void)[] = [];
  void parse(socket, (message) => {
    const m = message as unknown as { name: string; fields?: unknown[]; text?: string; code?: string };
    if (m.name === 'dataRow') events.push(`row:${(m.fields ?? []).join(',')}`);
    else if (m.name === 'portalSuspended') events.push('suspended');
    else if (m.name === 'commandComplete') events.push(`complete:${m.text}`);
    else if (m.name === 'error') events.push(`error:${m.code}`);
    else if (m.name === 'rowDescription') events.push('rowDescription');
    else if (m.name === 'noData') events.push('noData');
    else if (m.name === 'copyInResponse') events.push('copyIn');
    else if (m.name === 'parameterDescription') events.push(`params:${(m as unknown as { dataTypeIDs: number[] }).dataTypeIDs.join(',')}`);
    else if (m.name === 'readyForQuery') {
      events.push('ready');
      waiters.shift()?.();
    }
  });
  const ready = () => new Promise<void>((resolve) => waiters.push(resolve));
  const started = ready();
  socket.write(serialize.startup({ user, database }));
  await started;
  events = [];
  return {
    async send(messages) {
      const done = ready();
      socket.write(Buffer.concat(messages));
      await done;
    },
    write(messages) {
      socket.write(Buffer.concat(messages));
    },
    take() {
      const out = events;
      events = [];
      return out;
    },
    close() {
      socket.destroy();
    },
  };
}
