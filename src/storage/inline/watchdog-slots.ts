/**
 * Shared between the main thread and the watchdog thread. The main thread arms the watchdog
 * before running a statement inline and disarms it after; if one statement stays armed past the
 * budget, the watchdog interrupts its connection and records which arming it fired on.
 */
export const GENERATION = 0;
/** Interrupt handle of the connection running the armed statement, or -1. */
export const ARMED_HANDLE = 1;
/** The generation the watchdog interrupted (so the main thread knows why SQLite stopped). */
export const FIRED_GENERATION = 2;
/** Budget in ticks (milliseconds); 0 stops the watchdog thread. */
export const BUDGET_TICKS = 3;
/**
 * 1 while the watchdog thread is between checking the arming and calling sqlite3_interrupt: the
 * main thread's disarm waits it out, so no interrupt lands after disarm returns (SQLite would keep
 * it pending and stop the connection's next prepare, which can leave its schema cache half built).
 */
export const INTERRUPTING = 4;
export const SLOT_COUNT = 5;
