// Progress on a terminal (one redrawn bar on stderr), plain lines in CI and pipes.

/** A progress reporter for `scanSite`'s onProgress. */
export const progressReporter = (stream: NodeJS.WriteStream = process.stderr) => {
  const tty = !!stream.isTTY;
  return (label: string, step: number, total: number): void => {
    if (!tty) {
      stream.write(`consentry scan: ${label}\n`);
      return;
    }
    const width = 24;
    const filled = Math.round((Math.min(step, total) / Math.max(total, 1)) * width);
    const line = `[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${label}`.slice(0, (stream.columns || 80) - 1);
    stream.write(`\r\x1b[2K${line}`);
  };
};

/** Clear the bar's line, so what follows starts on a clean line (no-op off a terminal). */
export const clearProgress = (stream: NodeJS.WriteStream = process.stderr): void => {
  if (stream.isTTY) stream.write('\r\x1b[2K');
};
