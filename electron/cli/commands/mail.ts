import { AppError } from '../../../shared/app-error';
import type { Output } from '../../../shared/contract';
import { MAIL_STATUS_LABELS, MAIL_STATUSES, TLS_MODES } from '../../../shared/domain/mail';
import { callCommand, wholeNumber } from '../command';

const sendDue = callCommand({
  path: ['mail', 'send-due'],
  summary: 'Send (or save as drafts) every message that is due, then exit.',
  details:
    'For Windows Task Scheduler while the app is closed. Messages the server turns away for now are tried again later; ' +
    'exit code 1 means nothing could be sent (for example the password saved by the desktop app cannot be read here).',
  options: {},
  examples: ['mail send-due --json'],
  call: 'mail.sendDue',
  input: () => ({ force: false }),
  json: ({ sent, drafted, failed, retrying, paused, problem }) => ({ sent, drafted, failed, retrying, ...(paused ? { paused: true } : {}), ...(problem ? { problem } : {}) }),
  human: (r) =>
    r.paused
      ? 'Sending is paused in the app; nothing was sent. Resume it on the Outbox page.'
      : (r.problem ?? `Sent ${r.sent}, saved ${r.drafted} as drafts, ${r.failed} failed, ${r.retrying} will be tried again later.`),
  exitCode: (r) => (r.problem ? 1 : 0),
});

function statusHuman(result: Output<'mail.status'>): string {
  const lines = MAIL_STATUSES.map((s) => `  ${MAIL_STATUS_LABELS[s]}: ${result.counts[s]}`);
  const head = `Mail ${result.mode === 'smtp' ? 'goes out through the mail server' : 'is saved as drafts (no mail server set)'}${result.paused ? '; sending is paused' : ''}.`;
  return [head, ...lines, ...(result.problem ? [`Problem: ${result.problem}`] : [])].join('\n');
}

const status = callCommand({ path: ['mail', 'status'], summary: 'How many messages are waiting, sent, drafted or failed.', options: {}, examples: ['mail status --json'], call: 'mail.status', human: statusHuman });

const test = callCommand({
  path: ['mail', 'test'],
  summary: 'Send a test message through the outbox now (or save it as a draft) and say how it went.',
  options: { to: { type: 'string', value: 'ADDRESS', help: 'Who gets the test message', required: true } },
  examples: ['mail test --to me@county.example.org'],
  call: 'mail.test',
  input: (v) => ({ to: v.to }),
  human: (result) => result.message,
  exitCode: (result) => (result.outcome === 'failed' ? 1 : 0),
});

/** The password comes from an environment variable, never the command line (which others can see). */
function passwordFrom(variable: string | undefined): string | undefined {
  if (variable === undefined) return undefined;
  const value = process.env[variable];
  if (!value) throw new AppError('invalid', `The environment variable ${variable} is empty. Set it to the SMTP password first, then run the command again.`, [{ field: 'password-env', message: 'Empty variable.' }]);
  return value;
}

const configure = callCommand({
  path: ['mail', 'configure'],
  summary: 'Set the mail server (the same settings as the Settings page), or the drafts folder.',
  details:
    'With --host, the server settings are set together: --port, --tls and --from are needed. The password is read from the environment variable ' +
    'named by --password-env and stored encrypted with the key in the data folder (secret.key), which both the app and this command can read. ' +
    '--drafts-only removes the server: messages are then saved as .eml drafts.',
  options: {
    host: { type: 'string', value: 'HOST', help: 'Mail server name, e.g. smtp.office365.com' },
    port: { type: 'string', value: 'PORT', help: 'Port: 587 (STARTTLS), 465 (TLS) or 25' },
    tls: { type: 'string', value: 'MODE', help: `Encryption: ${TLS_MODES.join(', ')}` },
    user: { type: 'string', value: 'USER', help: 'Login user name, if the server needs one' },
    'password-env': { type: 'string', value: 'VAR', help: 'Name of the environment variable holding the password' },
    'allow-self-signed': { type: 'boolean', help: "Accept the server's own (self-signed) certificate" },
    from: { type: 'string', value: 'ADDRESS', help: 'The address messages come from' },
    'from-name': { type: 'string', value: 'NAME', help: 'The name shown as sender, e.g. "County HMIS Office"' },
    'reply-to': { type: 'string', value: 'ADDRESS', help: 'Where replies go, if not the From address' },
    drafts: { type: 'string', value: 'FOLDER', help: 'Folder for .eml drafts (default: drafts in the data folder)' },
    'drafts-only': { type: 'boolean', help: 'Remove the mail server: save every message as a draft' },
  },
  examples: [
    'mail configure --host smtp.county.example.org --port 587 --tls starttls --user hmis --password-env SMTP_PASSWORD --from hmis@county.example.org',
    'mail configure --drafts "C:\\Users\\me\\Documents\\HMIS drafts"',
  ],
  call: 'mail.settings.save',
  input(v) {
    if (v.host === undefined && v.drafts === undefined && !v['drafts-only'] && v['password-env'] === undefined) {
      throw new AppError('invalid', 'Say what to set: --host (with --port, --tls and --from), --password-env, --drafts or --drafts-only. See: npm run cli -- mail configure --help');
    }
    const server =
      v.host === undefined
        ? {}
        : { host: v.host, port: wholeNumber(v.port, 'port') ?? 587, tls: v.tls ?? 'starttls', user: v.user ?? null, fromAddress: v.from, fromName: v['from-name'], replyTo: v['reply-to'], allowSelfSigned: v['allow-self-signed'] ?? false };
    return { ...server, ...(v['drafts-only'] ? { host: null } : {}), ...(v.drafts !== undefined ? { draftsDir: v.drafts } : {}), password: passwordFrom(v['password-env']) };
  },
  human: (saved) =>
    saved.mode === 'smtp'
      ? `Mail goes out through ${saved.host}:${saved.port} (${saved.tls}) as ${saved.fromAddress}${saved.passwordSet ? ', with a stored password' : ''}. Try it: npm run cli -- mail test --to YOUR-ADDRESS`
      : `No mail server: messages are saved as drafts in ${saved.draftsDir}.`,
});

export const mailCommands = [sendDue, status, test, configure];
