// Types of dist-state.js, for the TypeScript that reads it (the build's start-up benchmark and tests).
export declare const BUILD_INFO: string;
export declare const SOURCE_DIRS: readonly string[];
export declare function distState(root: string, dist?: string): { fresh: true } | { fresh: false; reason: string };
