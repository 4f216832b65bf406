// Build @consentry/cli into dist/ (../build-node.mjs): the `consentry` command and the entry
// `@consentry/cli`; consentry and @consentry/receiver stay dependencies, not bundled.
import { buildNodePackage } from '../build-node.mjs';

await buildNodePackage(import.meta.url, ['src/cli.ts', 'src/index.ts']);
