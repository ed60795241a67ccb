import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Helpers shared by the evaluation, the benchmark and the scale generator. */

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const REAL_VAULT = resolve(ROOT, '..', 'shared', 'digest');

/** Benchmarks need the real vault; without it they say so and succeed, so CI on a bare clone passes. */
export function requireVault(dir: string, what: string): boolean {
  if (existsSync(dir)) return true;
  console.log(`${what}: the vault ${dir} is missing, nothing to measure (exit 0).`);
  return false;
}

export function readJsonl<T>(name: string): T[] {
  return readFileSync(join(ROOT, 'bench', 'eval', name), 'utf8')
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
