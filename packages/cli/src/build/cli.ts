// `consentry build --config consentry.config.json --out DIR`: the site build (./site.ts).
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { brotliCompressSync } from 'node:zlib';
import type { ConsentConfig } from 'consentry';
import { buildSite } from './site.js';

const USAGE = 'usage: consentry build --config consentry.config.json --out public/consentry [--region US-CA]';

/** Parse --config and --out. Throws a message naming the bad option. */
const parseArgs = (argv: string[]) => {
  const args: Record<string, string | undefined> = {};
  for (let i = 0; i < argv.length; i++) {
    const [name, value] = argv[i].split(/=(.*)/s);
    if (name != '--config' && name != '--out' && name != '--region') throw new Error(`unknown option ${argv[i]}`);
    args[name.slice(2)] = value ?? argv[++i];
  }
  if (!args.config) throw new Error('--config FILE is required');
  if (!args.out) throw new Error('--out DIR is required');
  // A site built per market bakes its region in (docs/guide/regions.md): no meta tag, no endpoint.
  if (args.region != null && !/^[A-Z]{2}(-[A-Z0-9]{1,3})?$/.test(args.region)) throw new Error(`--region "${args.region}": expected a region like "US-CA" or "DE"`);
  return { config: args.config, out: args.out, region: args.region };
};

/** `consentry build`: 0 when written, 2 on bad input (options, a config file that is missing, not JSON or not valid). */
export const main = async (argv: string[]): Promise<number> => {
  if (argv.includes('--help')) {
    console.log(USAGE);
    return 0;
  }
  let files: string[];
  let out: string;
  try {
    const args = parseArgs(argv);
    out = args.out;
    let config: ConsentConfig; // parsed JSON; resolveConfig checks it and names a bad key
    try {
      config = JSON.parse(await readFile(args.config, 'utf8'));
    } catch (error) {
      throw new Error(`${args.config}: ${error instanceof Error ? error.message : error}`);
    }
    files = await buildSite(config, out, args.region);
  } catch (error) {
    console.error(`consentry build: ${(error instanceof Error ? error.message : String(error)).replace(/^consentry: /, '')}\n${USAGE}`);
    return 2;
  }
  const head = await readFile(join(out, files[0]));
  console.log(`consentry build: ${files.length} files in ${out}; ${files[0]} is ${brotliCompressSync(head).length} B brotli (${(await stat(join(out, files[0]))).size} B)`);
  return 0;
};
