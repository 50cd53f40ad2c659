/**
 * npm run bench:interactive — only the section of `npm run bench` that times counter calls while a 年终结息 runs
 * in the batch worker (scripts/bench/interactive.ts). Sizes: BENCH_SIZES (default 10000,100000); `--1m` adds 1,000,000.
 */
import { benchInteractive } from './bench/interactive';
import { printTable } from './bench/table';

const sizes = process.env.BENCH_SIZES ? process.env.BENCH_SIZES.split(',').map(Number) : [10_000, 100_000, ...(process.argv.includes('--1m') ? [1_000_000] : [])];
void benchInteractive(sizes).then(printTable);
