import { createServer } from 'node:net';
import { SMTPServer, type SMTPServerOptions } from 'smtp-server';
import { testCertificate } from './test-cert';

interface ReceivedMail {
  from: string;
  to: string[];
  raw: Buffer;
  /** Whether the session was encrypted (TLS or after STARTTLS) and who logged in. */
  secure: boolean;
  user: string | null;
}

export interface TestServerOptions {
  /** TLS from the first byte (port 465 style) instead of plain + STARTTLS. */
  secure?: boolean;
  /** Offer STARTTLS (default true; the test certificate is self-signed). */
  starttls?: boolean;
  auth?: { user: string; pass: string };
  /** Recipient address -> SMTP reply code to refuse it with. */
  refuse?: Record<string, number>;
  /** Refuse the message body of the next `n` messages with this code (451: try later). */
  failNext?: { count: number; code: number };
  /** Wait this long before accepting each message (so a test can kill a sender mid-batch). */
  delayMs?: number;
  /** Keep only counts and Message-IDs, not whole messages (the benchmark). */
  countOnly?: boolean;
  /** Called after each accepted message with how many were accepted so far. */
  onAccepted?: (count: number) => void;
}

function smtpError(message: string, code: number): Error {
  return Object.assign(new Error(message), { responseCode: code });
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/** A real SMTP server on 127.0.0.1 (the smtp-server package): what it received, by Message-ID. */
export function createTestSmtpServer(options: TestServerOptions = {}) {
  const received: ReceivedMail[] = [];
  const messageIds: string[] = [];
  const failures = options.failNext ? { ...options.failNext } : null;
  const { key, cert } = testCertificate();

  const config: SMTPServerOptions = {
    secure: options.secure ?? false,
    key,
    cert,
    logger: false,
    closeTimeout: 500,
    authOptional: !options.auth,
    ...(options.starttls === false && !options.secure ? { disabledCommands: ['STARTTLS'] } : {}),
    onAuth(auth, _session, callback) {
      if (options.auth && auth.username === options.auth.user && auth.password === options.auth.pass) return callback(null, { user: auth.username });
      return callback(smtpError('5.7.8 Authentication credentials invalid', 535));
    },
    onRcptTo(address, _session, callback) {
      const code = options.refuse?.[address.address.toLowerCase()];
      if (code) return callback(smtpError(code >= 500 ? '5.1.1 Mailbox does not exist' : '4.2.1 Mailbox busy, try later', code));
      return callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        if (failures && failures.count > 0) {
          failures.count -= 1;
          return callback(smtpError('4.3.0 Temporary local problem, try again later', failures.code));
        }
        const raw = Buffer.concat(chunks);
        const id = /^message-id:\s*(<[^>]+>)/im.exec(raw.subarray(0, 4096).toString('utf8'))?.[1] ?? '';
        const finish = () => {
          messageIds.push(id);
          if (!options.countOnly) received.push({
              from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
              to: session.envelope.rcptTo.map((r) => r.address),
              raw,
              secure: session.secure,
              user: typeof session.user === 'string' ? session.user : null,
            });
          callback(null, `2.0.0 Ok: queued as ${messageIds.length}`);
          options.onAccepted?.(messageIds.length);
        };
        if (options.delayMs) setTimeout(finish, options.delayMs);
        else finish();
      });
    },
  };
  const server = new SMTPServer(config);
  // A client killed mid-session resets its socket: expected in the crash test, kept for inspection.
  const errors: Error[] = [];
  server.on('error', (error) => errors.push(error));

  return {
    received,
    messageIds,
    errors,
    listen(port = 0): Promise<number> {
      return new Promise((resolve, reject) => {
        const net = server.listen(port, '127.0.0.1', () => {
          const address = net.address();
          resolve(typeof address === 'object' && address ? address.port : port);
        });
        net.once('error', reject);
      });
    },
    close(): Promise<void> {
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

export type TestSmtpServer = ReturnType<typeof createTestSmtpServer>;
