import type { BuildOptions } from "esbuild";

/** See esbuild-node-bundle.js. */
export declare const nodeBundleOptions: BuildOptions & { metafile: true };
