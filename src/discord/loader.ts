import { readdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { builtModule } from '../bundle.mjs';
import type { Command } from './command.js';
import type { Logger } from './log.js';

/** The repository's `commands/` folder, wherever the process was started from. */
export const COMMANDS_DIR = resolve(fileURLToPath(new URL('../../commands/', import.meta.url)));

function isCommand(value: unknown): value is Command {
  if (typeof value !== 'object' || value === null) return false;
  const { definition, run, autocomplete } = value as Record<string, unknown>;
  const name = (definition as { name?: unknown } | undefined)?.name;
  return typeof name === 'string' && typeof run === 'function' && (autocomplete === undefined || typeof autocomplete === 'function');
}

/**
 * Every `*.ts` file in `dir` that exports `command`. A file that is not one (another extension, a
 * failed import, a wrong export, a name already taken) is skipped and logged, never fatal: one
 * broken command must not take the others down.
 */
export async function loadCommands(dir: string, log: Logger): Promise<Map<string, Command>> {
  const commands = new Map<string, Command>();
  const files = (await readdir(dir, { withFileTypes: true })).filter((e) => e.isFile()).map((e) => e.name).sort();
  for (const file of files) {
    const skip = (reason: string, err?: unknown) => log.warn({ file, reason, ...(err ? { err } : {}) }, `skipped command file ${file}: ${reason}`);
    if (!file.endsWith('.ts') || file.endsWith('.d.ts')) {
      skip('not a .ts file');
      continue;
    }
    let module: Record<string, unknown>;
    try {
      const path = join(dir, file);
      // Started by run.mjs (`npm start`), the commands were built with the bot: the same modules.
      module = (await import(builtModule(path) ?? pathToFileURL(path).href)) as Record<string, unknown>;
    } catch (err) {
      skip('failed to import', err);
      continue;
    }
    const command = module.command;
    if (!isCommand(command)) {
      skip('does not export `command` with a definition and a run function');
      continue;
    }
    const { name } = command.definition;
    if (commands.has(name)) {
      skip(`command name "${name}" is already taken`);
      continue;
    }
    commands.set(name, command);
  }
  log.info({ commands: [...commands.keys()] }, `loaded ${commands.size} commands`);
  return commands;
}
