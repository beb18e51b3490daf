import type { IncomingMessage, ServerResponse } from 'node:http';
import { AppError } from '../../shared/app-error';
import type { DispatchFn } from '../../shared/contract/dispatch';
import { decodeWire } from '../../shared/contract/wire';
import { sendEnvelope, sendError } from './http-util';

/** Room for a scanned PDF or two after base64 (a third larger than the file). */
export const DEFAULT_MAX_BODY_BYTES = 64 * 1024 * 1024;

class BodyTooLarge extends Error {}

function tooLarge(maxBytes: number): AppError {
  const mib = Math.floor(maxBytes / (1024 * 1024));
  return new AppError('invalid', `That is too much to send at once (the limit is ${mib} MB). Send a smaller file.`);
}

/** Reads the body, refusing early (by Content-Length) or mid-stream once it passes the limit. */
function readBody(req: IncomingMessage, maxBytes: number): Promise<string> {
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > maxBytes) return Promise.reject(new BodyTooLarge());
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) {
        chunks.length = 0;
        // Keep draining without storing, so the 413 reaches a client still sending.
        req.removeAllListeners('data');
        req.resume();
        reject(new BodyTooLarge());
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function parseBody(text: string): { ok: true; input: unknown } | { ok: false } {
  if (text.trim() === '') return { ok: true, input: undefined };
  try {
    return { ok: true, input: decodeWire(text) };
  } catch {
    return { ok: false };
  }
}

export interface ApiCallOptions {
  /** The core worker's dispatch (`npm run serve`), so this loop never waits on SQLite. */
  dispatch: DispatchFn;
  maxBodyBytes: number;
}

/** `POST /api/<call>`: the contract's dispatch over HTTP. Auth and origin were checked by the router. */
export async function handleApiCall(req: IncomingMessage, res: ServerResponse, callName: string, options: ApiCallOptions): Promise<void> {
  let text: string;
  try {
    text = await readBody(req, options.maxBodyBytes);
  } catch (error) {
    if (error instanceof BodyTooLarge) {
      sendError(res, 413, tooLarge(options.maxBodyBytes), { Connection: 'close' });
      return;
    }
    throw error;
  }
  const body = parseBody(text);
  if (!body.ok) {
    sendError(res, 400, new AppError('invalid', 'The request was not valid JSON. This is a problem in the program that sent it.'));
    return;
  }
  const envelope = await options.dispatch(callName, body.input);
  sendEnvelope(res, 200, envelope);
}
