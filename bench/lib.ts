import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Helpers shared by the evaluation, the benchmarks and the scale generator. */

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const REAL_VAULT = resolve(ROOT, '..', 'shared', 'digest');

/** Benchmarks need the real vault; without it they say so and succeed, so CI on a bare clone passes. */
export function requireVault(dir: string, what: string): boolean {
  if (existsSync(dir)) return true;
  console.log(`${what}: the vault ${dir} is missing, nothing to measure (exit 0).`);
  return false;
}

/** Resident and peak resident (VmHWM) memory of a live process, in MB (Linux /proc). */
export function memory(pid: number): { rssMb: number; peakMb: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)![1]);
  return { rssMb: Math.round(kb('VmRSS') / 1024), peakMb: Math.round(kb('VmHWM') / 1024) };
}

/** CPU time a live process has used so far, user and system, in seconds (Linux /proc). */
export function cpuSeconds(pid: number): number {
  // utime and stime, the 14th and 15th fields, counted after the command name (which may hold
  // spaces), in clock ticks: 100 a second on Linux.
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

/** A labelled set: a name in bench/eval/, or a path. */
export function readJsonl<T>(name: string): T[] {
  return readFileSync(resolve(ROOT, 'bench', 'eval', name), 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as T);
}

export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

export function median(values: readonly number[]): number {
  return percentile(values, 50);
}

export function fmt(value: number, digits = 3): string {
  return Number.isFinite(value) ? value.toFixed(digits) : 'n/a';
}
