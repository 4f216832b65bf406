// Debian's Chromium (Playwright cannot download browsers here); CHROMIUM_PATH overrides.
export const executablePath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

/**
 * Flags for a quiet, offline headless Chromium. `*.test` hosts resolve to 127.0.0.1 so
 * tests use real-looking first- and third-party origins; every other host fails to resolve,
 * so nothing can ever leave this machine.
 */
export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-quic',
  '--disable-sync',
  '--host-resolver-rules=MAP *.test 127.0.0.1, MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1',
];
