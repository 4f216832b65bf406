// GET /v1/region: the visitor's region for consentry's `regionEndpoint` (docs/guide/regions.md),
// from the headers an edge network adds, read only when the request comes from a proxy named
// by --trust-proxy (anyone else could write them), else from an optional MaxMind database.
import { Hono } from 'hono';
import type { ReceiverEnv } from './receipt-routes.js';
import { clientAddress } from './rate-limit.js';

/** Edge headers: [country, subdivision] per network. The subdivision is the part after `US-`. */
const EDGE_HEADERS = [
  ['cf-ipcountry', 'cf-region-code'],
  ['cloudfront-viewer-country', 'cloudfront-viewer-country-region'],
  ['x-vercel-ip-country', 'x-vercel-ip-country-region'],
] as const;

/** An ISO 3166-1 country, not Cloudflare's `XX` (unknown) or `T1` (Tor). */
const COUNTRY = /^(?!XX|T1)[A-Z]{2}$/;
/** The subdivision part of an ISO 3166-2 code. */
const SUBDIVISION = /^[A-Z0-9]{1,3}$/;

/** `US-CA` from a country and a subdivision code; the country alone when the subdivision is missing or malformed; null when unknown. */
export const regionCode = (country: string | undefined | null, subdivision?: string | null): string | null => {
  const c = country?.trim().toUpperCase() ?? '';
  const s =
    subdivision
      ?.trim()
      .toUpperCase()
      .replace(new RegExp(`^${c}-`), '') ?? '';
  return !COUNTRY.test(c) ? null : SUBDIVISION.test(s) ? `${c}-${s}` : c;
};

/** A MaxMind (GeoIP2 / GeoLite2 City or Country) lookup: what the `maxmind` reader returns for an address. */
export type GeoLookup = (
  address: string,
) => { country?: { iso_code?: string }; subdivisions?: Array<{ iso_code?: string }> } | null;

/** Open a `.mmdb` file with the `maxmind` reader (imported only when one is given). */
export const openGeoDb = async (file: string): Promise<GeoLookup> => {
  const { default: maxmind } = await import('maxmind');
  const reader = await maxmind.open(file);
  return (address) => (maxmind.validate(address) ? (reader.get(address) as ReturnType<GeoLookup>) : null);
};

/** The region route: edge headers from trusted proxies, else the database, else `{"region":null}`. */
export const regionRoutes = (options: { trustProxy: string[]; geo?: GeoLookup }) => {
  const proxies = new Set(options.trustProxy);
  const app = new Hono<ReceiverEnv>();
  app.get('/v1/region', (c) => {
    const peer = (c.env?.incoming?.socket.remoteAddress ?? '').replace(/^::ffff:/, '');
    let region: string | null = null;
    if (proxies.has(peer))
      for (const [country, subdivision] of EDGE_HEADERS)
        if ((region = regionCode(c.req.header(country), c.req.header(subdivision)))) break;
    if (!region && options.geo) {
      const found = options.geo(clientAddress(peer, c.req.header('x-forwarded-for'), proxies));
      region = regionCode(found?.country?.iso_code, found?.subdivisions?.[0]?.iso_code);
    }
    // Per visitor: a shared cache must key on the edge headers, and a database answer on the address (private).
    c.header('Cache-Control', 'private, max-age=3600');
    c.header('Vary', EDGE_HEADERS.flat().join(', '));
    // Read by the site's pages with fetch (no credentials): the answer is no secret.
    c.header('Access-Control-Allow-Origin', '*');
    return c.json({ region });
  });
  return app;
};
