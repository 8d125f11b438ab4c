import { setup } from 'xstate';

/**
 * The lifecycle of one client connection. States, not flags: the transaction status byte of
 * ReadyForQuery ('I', 'T', 'E') is read off this machine, and what a message may do depends on
 * where the session is (startup, authenticating, ready, copying, terminated).
 */
export type ConnectionEvent =
  | { type: 'startup.trusted' }
  | { type: 'startup.authRequired' }
  | { type: 'auth.succeeded' }
  | { type: 'auth.failed' }
  | { type: 'tx.begin' }
  | { type: 'tx.end' }
  | { type: 'tx.fail' }
  /** ROLLBACK TO SAVEPOINT leaves the failed state. */
  | { type: 'tx.recover' }
  | { type: 'copy.in' }
  | { type: 'copy.out' }
  | { type: 'copy.done' }
  | { type: 'terminate' };

export const connectionMachine = setup({
  types: { events: {} as ConnectionEvent },
}).createMachine({
  id: 'connection',
  initial: 'awaitingStartup',
  on: { terminate: '.terminated' },
  states: {
    awaitingStartup: {
      on: {
        'startup.trusted': 'ready',
        'startup.authRequired': 'authenticating',
      },
    },
    authenticating: {
      on: {
        'auth.succeeded': 'ready',
        'auth.failed': 'terminated',
      },
    },
    ready: {
      type: 'parallel',
      states: {
        transaction: {
          initial: 'idle',
          states: {
            idle: { on: { 'tx.begin': 'inTransaction' } },
            inTransaction: { on: { 'tx.end': 'idle', 'tx.fail': 'failedTransaction' } },
            failedTransaction: { on: { 'tx.end': 'idle', 'tx.recover': 'inTransaction' } },
          },
        },
        mode: {
          initial: 'commands',
          states: {
            commands: { on: { 'copy.in': 'copyIn', 'copy.out': 'copyOut' } },
            copyIn: { on: { 'copy.done': 'commands' } },
            copyOut: { on: { 'copy.done': 'commands' } },
          },
        },
      },
    },
    terminated: { type: 'final' },
  },
});

export type TransactionStatus = 'I' | 'T' | 'E';
