/**
 * LISTEN/NOTIFY between the sessions of one server, per database, as PostgreSQL delivers them:
 * a notification reaches every session listening on the channel in that database (the sender too),
 * after the sending transaction commits.
 */
export interface Listener {
  processId: number;
  deliver(channel: string, payload: string, senderProcessId: number): void;
}

export class NotificationHub {
  private readonly channels = new Map<string, Map<string, Set<Listener>>>();

  listen(database: string, channel: string, listener: Listener): void {
    let byChannel = this.channels.get(database);
    if (!byChannel) this.channels.set(database, (byChannel = new Map()));
    let listeners = byChannel.get(channel);
    if (!listeners) byChannel.set(channel, (listeners = new Set()));
    listeners.add(listener);
  }

  unlisten(database: string, channel: string | null, listener: Listener): void {
    const byChannel = this.channels.get(database);
    if (!byChannel) return;
    for (const [name, listeners] of byChannel) {
      if (channel !== null && name !== channel) continue;
      listeners.delete(listener);
      if (listeners.size === 0) byChannel.delete(name);
    }
  }

  notify(database: string, channel: string, payload: string, senderProcessId: number): void {
    for (const listener of this.channels.get(database)?.get(channel) ?? []) {
      listener.deliver(channel, payload, senderProcessId);
    }
  }

  channelsOf(database: string, listener: Listener): string[] {
    const result: string[] = [];
    for (const [name, listeners] of this.channels.get(database) ?? []) if (listeners.has(listener)) result.push(name);
    return result;
  }
}
