// Build @consentry/receiver into dist/ (../build-node.mjs). The SQLite writer thread is an entry
// of its own: a Worker loads it by file name (dist/sqlite-writer.js, beside the chunk that starts it).
import { buildNodePackage } from '../build-node.mjs';

await buildNodePackage(import.meta.url, ['src/index.ts', 'src/cli.ts', 'src/sqlite-writer.ts']);
