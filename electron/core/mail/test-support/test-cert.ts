import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

let cached: { key: Buffer; cert: Buffer } | undefined;

/**
 * A throw-away self-signed certificate for 127.0.0.1, made with openssl at test time so no key
 * is ever committed. EC P-256 keeps it fast.
 */
export function testCertificate(): { key: Buffer; cert: Buffer } {
  if (cached) return cached;
  const dir = mkdtempSync(path.join(tmpdir(), 'hmis-cert-'));
  try {
    const key = path.join(dir, 'key.pem');
    const cert = path.join(dir, 'cert.pem');
    execFileSync('openssl', [
      'req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes',
      '-keyout', key, '-out', cert, '-days', '2', '-subj', '/CN=localhost',
      '-addext', 'subjectAltName=IP:127.0.0.1,DNS:localhost',
    ], { stdio: 'ignore' });
    cached = { key: readFileSync(key), cert: readFileSync(cert) };
    return cached;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
