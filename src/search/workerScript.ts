import { fileURLToPath, pathToFileURL } from 'node:url';
import { bundled } from '../bundle.mjs';

/**
 * The build worker as one JavaScript file (bundle.mjs), or null when it cannot be built: the
 * worker then starts on the sources, through tsx. Bundled, two workers start and answer in half a
 * second less than through tsx's loader thread, which each worker would start for itself.
 */
export async function workerScript(): Promise<URL | null> {
  const entry = fileURLToPath(new URL('./buildWorker.ts', import.meta.url));
  const built = await bundled([entry]);
  return built ? pathToFileURL(built[entry]!) : null;
}
