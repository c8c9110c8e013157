/** See prune-stale-folders.js. */
export declare function pruneStaleFolders(root: string, maxAgeMs?: number): void;
