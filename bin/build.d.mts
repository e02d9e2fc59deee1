// Types of bin/build.mjs, for the TypeScript that imports it (src/cli/start.test.ts).
export declare const ROOT: string;
export declare function sourceFingerprint(root?: string): string;
export declare function ensureBuilt(opts?: { root?: string; outRoot?: string; log?: (message: string) => void }): Promise<string>;
