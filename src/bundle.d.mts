/** Where bundles are kept: beside the packages their imports name. */
export const BUNDLE_CACHE: string;
/** See bundle.mjs: by each entry's absolute path, the script it was built into; null when none can be built. */
export function bundled(entries: readonly string[], cacheDir?: string): Promise<Record<string, string> | null>;
/** Records the scripts this process runs from (run.mjs does, before importing the entry's). */
export function useBuilt(modules: Record<string, string>): void;
/** The URL of the script `source` was built into, when this process runs from one; else undefined. */
export function builtModule(source: string): string | undefined;
