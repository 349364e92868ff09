// @ts-check
/** Runs the emulator as its own HTTP server, as the tests do. */
import { createServer } from 'node:http';
import { createEmulator } from './emulator.js';

/**
 * @param {Parameters<typeof createEmulator>[0] & { port?: number, hosts?: string[] }} [options]
 *   `hosts` are the loopback addresses to listen on, all on one port.
 */
export async function startEmulatorServer({ port = 0, hosts = ['127.0.0.1'], ...options } = {}) {
  const emulator = createEmulator(options);
  /** @type {import('node:http').Server[]} */
  const servers = [];
  let boundPort = port;
  for (const host of hosts) {
    const server = createServer(async (req, res) => {
      try {
        if (!(await emulator.handle(req, res))) {
          res.writeHead(404, { 'content-type': 'text/plain' });
          res.end('Not found');
        }
      } catch (error) {
        if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
        res.end(String(error));
      }
    });
    await new Promise((resolve, reject) => {
      server.once('error', reject);
      server.listen(boundPort, host, () => resolve(undefined));
    });
    boundPort = /** @type {import('node:net').AddressInfo} */ (server.address()).port;
    servers.push(server);
  }
  return {
    emulator,
    port: boundPort,
    async close() {
      await Promise.all(
        servers.map(
          (s) =>
            new Promise((resolve) => {
              s.closeAllConnections();
              s.close(() => resolve(undefined));
            }),
        ),
      );
    },
  };
}
