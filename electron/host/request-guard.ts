import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/** The only names a browser on this machine uses to reach us; anything else is DNS rebinding. */
export function allowedHosts(port: number): Set<string> {
  return new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
}

export function allowedOrigins(port: number): Set<string> {
  return new Set([...allowedHosts(port)].map((host) => `http://${host}`));
}

/**
 * Why a request must be refused before any route sees it, or null when it may proceed.
 * The Host check stops a foreign site that rebinds its DNS name to 127.0.0.1; the Origin check
 * stops another page in the same browser from posting to us (the token stops it too; two locks).
 */
export function refusalReason(req: IncomingMessage, port: number): string | null {
  const host = req.headers.host?.toLowerCase();
  if (!host || !allowedHosts(port).has(host)) return 'This address is not HMIS Access Desk. Open the link the app printed when it started.';
  const origin = req.headers.origin;
  if (origin !== undefined && !allowedOrigins(port).has(origin.toLowerCase())) {
    return 'Requests from other web pages are refused. Open HMIS Access Desk from the link it printed when it started.';
  }
  return null;
}

const digest = (text: string) => createHash('sha256').update(text, 'utf8').digest();

/** Hashing first gives equal-length buffers, so the comparison time says nothing about the token. */
export function tokenMatches(given: string | undefined | null, expected: string): boolean {
  if (!given) return false;
  return timingSafeEqual(digest(given), digest(expected));
}

export function bearerToken(req: IncomingMessage): string | undefined {
  const header = req.headers.authorization;
  const match = header ? /^Bearer\s+(\S+)$/i.exec(header) : null;
  return match?.[1];
}
