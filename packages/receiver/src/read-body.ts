// Read a request body up to a byte limit, stopping as soon as it is exceeded (a missing or
// lying Content-Length does not get past it). Served by @hono/node-server, the Node request is
// read directly: no web-stream wrapping on the hot path of every receipt.
import type { IncomingMessage } from 'node:http';

/** The Node request's body, or null past `max` bytes (not destroyed: Node discards the rest and the 413 still goes out). */
const readIncoming = (incoming: IncomingMessage, max: number): Promise<string | null> =>
  new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= max) return void chunks.push(chunk);
      incoming.off('data', onData);
      incoming.resume(); // keep draining so the connection stays usable
      resolve(null);
    };
    incoming.on('data', onData);
    incoming.once('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    incoming.once('error', reject);
  });

/** The body as text, or null when it is over `max` bytes. */
export const readBody = async (
  request: Request,
  incoming: IncomingMessage | undefined,
  max: number,
): Promise<string | null> => {
  if (Number(request.headers.get('content-length')) > max) return null;
  if (incoming && !incoming.readableEnded) return readIncoming(incoming, max);
  const reader = request.body?.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (let part = await reader?.read(); part && !part.done; part = await reader!.read()) {
    size += part.value.byteLength;
    if (size > max) {
      void reader!.cancel();
      return null;
    }
    chunks.push(part.value);
  }
  return Buffer.concat(chunks).toString('utf8');
};
