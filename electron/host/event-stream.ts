import type { ServerResponse } from 'node:http';
import { encodeWire } from '../../shared/contract/wire';
import type { EventHub } from '../core/events/event-hub';

/** Proxies and browsers drop an idle stream after a minute or two; a comment keeps it open. */
export const DEFAULT_HEARTBEAT_MS = 25_000;

export interface EventStreams {
  open(res: ServerResponse): void;
  /** Ends every open stream, so the server can close without waiting for tabs to go away. */
  closeAll(): void;
}

export function createEventStreams(hub: Pick<EventHub, 'subscribe'>, heartbeatMs = DEFAULT_HEARTBEAT_MS): EventStreams {
  const open = new Set<ServerResponse>();
  return {
    open(res) {
      res.writeHead(200, {
        'Content-Type': 'text/event-stream; charset=utf-8',
        'Cache-Control': 'no-store',
        Connection: 'keep-alive',
        'X-Accel-Buffering': 'no',
      });
      // An early write sends the headers now, so EventSource fires `open` without waiting for an event.
      res.write('retry: 2000\n\n');
      // A tab can vanish between an event and our hearing of it: never write to a dead stream.
      const send = (text: string) => {
        if (!res.destroyed && !res.writableEnded) res.write(text);
      };
      res.on('error', () => res.destroy());
      const unsubscribe = hub.subscribe((event, payload) => send(`event: ${event}\ndata: ${encodeWire(payload)}\n\n`));
      const heartbeat = setInterval(() => send(': heartbeat\n\n'), heartbeatMs);
      open.add(res);
      // The response's close covers both ends: the tab went away, or we ended the stream.
      res.on('close', () => {
        clearInterval(heartbeat);
        unsubscribe();
        open.delete(res);
      });
    },
    closeAll() {
      for (const res of open) res.end();
    },
  };
}
