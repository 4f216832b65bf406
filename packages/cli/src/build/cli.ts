// `consentry build --config consentry.config.json --out DIR`: the site build (./site.ts).
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { brotliCompressSync } from 'node:zlib';
import type { ConsentConfig } from 'consentry';
import { buildSite } from './site.js';
import { parseCommandLine, reportUsageError, UsageError, wantsHelp } from '../args.js';

const USAGE = 'usage: consentry build --config consentry.config.json --out public/consentry [--region US-CA]';

/** `consentry build`: 0 when written, 2 on bad input (options, a config file that is missing, not JSON or not valid). */
export const main = async (argv: string[]): Promise<number> => {
  if (wantsHelp(argv)) {
    console.log(USAGE);
    return 0;
  }
  let files: string[];
  let out: string;
  try {
    const { values, positionals } = parseCommandLine(argv, {
      config: { type: 'string' },
      out: { type: 'string' },
      region: { type: 'string' },
    });
    if (positionals.length) throw new UsageError(`unexpected argument ${positionals[0]}`, true);
    if (!values.config) throw new UsageError('--config FILE is required');
    if (!values.out) throw new UsageError('--out DIR is required');
    // A site built per market bakes its region in (docs/guide/regions.md): no meta tag, no endpoint.
    if (values.region != null && !/^[A-Z]{2}(-[A-Z0-9]{1,3})?$/.test(values.region))
      throw new UsageError(`--region "${values.region}": expected a region like "US-CA" or "DE"`);
    out = values.out;
    let config: ConsentConfig; // parsed JSON; resolveConfig checks it and names a bad key
    try {
      config = JSON.parse(await readFile(values.config, 'utf8'));
    } catch (error) {
      throw new Error(`${values.config}: ${error instanceof Error ? error.message : error}`);
    }
    files = await buildSite(config, out, values.region);
  } catch (error) {
    return reportUsageError('build', error, USAGE);
  }
  const head = await readFile(join(out, files[0]));
  console.log(
    `consentry build: ${files.length} files in ${out}; ${files[0]} is ${brotliCompressSync(head).length} B brotli (${(await stat(join(out, files[0]))).size} B)`,
  );
  return 0;
};
