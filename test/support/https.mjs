// A local HTTPS server that answers for real vendor host names (cdn.mxpnl.com, hm.baidu.com …):
// Chromium's --host-resolver-rules sends those names to it, --ignore-certificate-errors accepts
// its self-signed certificate. So tests load vendors' snippets from the URLs they really use,
// and nothing leaves this machine.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:https';
import { join } from 'node:path';

const DIR = new URL('../../.test-results/tls/', import.meta.url).pathname;

/** A self-signed certificate (made once with openssl, kept under .test-results/tls). */
export const certificate = () => {
  const key = join(DIR, 'key.pem');
  const cert = join(DIR, 'cert.pem');
  if (!existsSync(cert)) {
    mkdirSync(DIR, { recursive: true });
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-keyout',
        key,
        '-out',
        cert,
        '-days',
        '30',
        '-subj',
        '/CN=consentry-test',
      ],
      { stdio: 'ignore' },
    );
  }
  return { key: readFileSync(key), cert: readFileSync(cert) };
};

/** Start an HTTPS server on 127.0.0.1 (ephemeral port) with `handler(req, res)`. */
export const startHttps = async (handler) => {
  const server = createServer(certificate(), handler);
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { port: server.address().port, close: () => new Promise((resolve) => server.close(resolve)) };
};

/**
 * Chromium flags that send `hosts` to 127.0.0.1:`port` (every other name fails to resolve)
 * and accept the self-signed certificate. `extra` maps more names, e.g. `['*.test']` to
 * 127.0.0.1 at their own port.
 */
export const vendorHostArgs = (hosts, port, extra = []) => [
  `--host-resolver-rules=${[...hosts.map((h) => `MAP ${h} 127.0.0.1:${port}`), ...extra.map((h) => `MAP ${h} 127.0.0.1`), 'MAP * ~NOTFOUND', 'EXCLUDE localhost', 'EXCLUDE 127.0.0.1'].join(', ')}`,
  '--ignore-certificate-errors',
];
