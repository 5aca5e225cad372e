/** How many threads lint: the `--concurrency` option and `lintFiles`'s `concurrency`. */
import { UsageError } from '../support/errors.js';

/** `off` (or 1): this thread only; `auto`: worker threads when the run is large enough to pay; n: n threads (n - 1 workers). */
export type Concurrency = 'auto' | 'off' | number;

/** `--concurrency`: `auto`, `off`, or a whole number of worker threads (1 = off). */
export function parseConcurrency(value: string, option = '--concurrency'): Concurrency {
  const text = value.trim();
  if (text === 'auto' || text === 'off') return text;
  const n = Number(text);
  if (!/^\d+$/.test(text) || !Number.isSafeInteger(n) || n < 1) throw new UsageError(`Invalid ${option} "${value}", expected auto, off or a number of threads >= 1`);
  return n === 1 ? 'off' : n;
}
