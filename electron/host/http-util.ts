import type { ServerResponse } from 'node:http';
import { AppError, type AppErrorShape, type Envelope } from '../../shared/app-error';
import { encodeWire } from '../../shared/contract/wire';
import { APP_CSP } from '../../shared/web/content-security-policy';

/** The same policy the desktop app sends (shared/web/content-security-policy.ts). */
export const CONTENT_SECURITY_POLICY = APP_CSP;

/** Set on every response, whatever route answers, so no path can forget them. */
export function setSecurityHeaders(res: ServerResponse): void {
  res.setHeader('Content-Security-Policy', CONTENT_SECURITY_POLICY);
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Referrer-Policy', 'no-referrer');
  res.setHeader('X-Frame-Options', 'DENY');
  res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
  res.setHeader('Cross-Origin-Resource-Policy', 'same-origin');
}

export function sendEnvelope(res: ServerResponse, status: number, envelope: Envelope<unknown>, extraHeaders: Record<string, string> = {}): void {
  const body = encodeWire(envelope);
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(body),
    'Cache-Control': 'no-store',
    ...extraHeaders,
  });
  res.end(body);
}

/** A transport-level refusal (bad token, wrong host, too large) in the same envelope calls return. */
export function sendError(res: ServerResponse, status: number, error: AppErrorShape | AppError, extraHeaders: Record<string, string> = {}): void {
  const shape = error instanceof AppError ? error.toJSON() : error;
  sendEnvelope(res, status, { ok: false, error: shape }, extraHeaders);
}

export function sendText(res: ServerResponse, status: number, text: string, contentType = 'text/plain; charset=utf-8'): void {
  res.writeHead(status, { 'Content-Type': contentType, 'Content-Length': Buffer.byteLength(text), 'Cache-Control': 'no-store' });
  res.end(text);
}
