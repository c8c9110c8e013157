export declare const RUNTIME_EXTERNALS: string[];
export declare function bundleScheduler(outdir: string): Promise<string[]>;
