/** The compiled CLI's entry file. */
export function compiledEntry(root: string): string;
/** Whether dist/ exists and is at least as new as every non-test source file under src/. */
export function distIsFresh(root: string): boolean;
