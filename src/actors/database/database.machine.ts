import { assign, fromPromise, setup } from 'xstate';
import type { DatabaseRuntime } from './database-runtime.js';

/**
 * The lifecycle of one database file: its connections (writer, readers, inline reader) open
 * together, serve, and close together. Sessions use the runtime only while the actor is `open`;
 * a failed open is reported to everyone waiting and the registry forgets the database.
 */
export interface DatabaseContext {
  runtime: DatabaseRuntime;
  error?: unknown;
}

export const databaseMachine = setup({
  types: {
    context: {} as DatabaseContext,
    input: {} as { runtime: DatabaseRuntime },
    events: {} as { type: 'close' },
  },
  actors: {
    openFiles: fromPromise<void, DatabaseRuntime>(({ input }) => input.open()),
    closeFiles: fromPromise<void, DatabaseRuntime>(({ input }) => input.close()),
  },
}).createMachine({
  id: 'database',
  context: ({ input }) => ({ runtime: input.runtime }),
  initial: 'opening',
  states: {
    opening: {
      invoke: {
        src: 'openFiles',
        input: ({ context }) => context.runtime,
        onDone: 'open',
        onError: { target: 'failed', actions: assign({ error: ({ event }) => event.error }) },
      },
    },
    open: {
      on: { close: 'closing' },
    },
    closing: {
      invoke: {
        src: 'closeFiles',
        input: ({ context }) => context.runtime,
        onDone: 'closed',
        onError: { target: 'closed', actions: assign({ error: ({ event }) => event.error }) },
      },
    },
    failed: { type: 'final' },
    closed: { type: 'final' },
  },
});
