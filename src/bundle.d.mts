/** Where bundles are kept: beside the packages their imports name. */
export const BUNDLE_CACHE: string;
/** See bundle.mjs: the path of a JavaScript bundle of `entry`, or null when none can be built. */
export function bundled(entry: string, cacheDir?: string): Promise<string | null>;
