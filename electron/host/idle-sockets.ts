import type { Server } from 'node:http';
import type { Socket } from 'node:net';

/**
 * Node's closeIdleConnections() skips sockets that never sent a request, and browsers (and undici)
 * open such spare sockets ahead of time; without this, shutdown waits for them to time out.
 */
export function trackIdleSockets(server: Server): { destroyIdle(): void } {
  const sockets = new Set<Socket>();
  const busy = new Set<Socket>();
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => {
      sockets.delete(socket);
      busy.delete(socket);
    });
  });
  server.on('request', (req, res) => {
    busy.add(req.socket);
    res.on('close', () => busy.delete(req.socket));
  });
  return {
    destroyIdle() {
      for (const socket of sockets) if (!busy.has(socket)) socket.destroy();
    },
  };
}
