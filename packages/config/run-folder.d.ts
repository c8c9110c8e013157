/** See run-folder.js. */
export declare function createRunFolder(root: string): { dir: string; remove(): void };
