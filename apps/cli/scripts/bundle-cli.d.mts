export declare function bundleCli(outdir: string, entryPoints: Record<string, string>): Promise<void>;
