/** The benchmark's seeded pseudo-random generator (mulberry32) in scripts/bench/generate.mjs. */
export function prng(seed: number): () => number;
export function generateAnswer(seed: number, words?: number): string;
export function generateLongAnswer(seed: number, bytes: number): string;
export function writeAnswers(dir: string, count: number, seed?: number, words?: number): void;
