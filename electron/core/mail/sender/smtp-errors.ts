/** What went wrong with a send, and whether trying again later can help. */
export interface Verdict {
  /** temporary: retried with backoff. permanent: the message fails until someone changes something. */
  kind: 'temporary' | 'permanent';
  /** A sentence or two for the office, with the server's own words at the end when it gave any. */
  message: string;
}

export interface ServerRef {
  host: string;
  port: number;
  user: string | null;
}

interface SmtpError {
  code?: string;
  originalCode?: string;
  responseCode?: number;
  response?: string;
  message?: string;
  rejectedErrors?: SmtpError[];
  recipient?: string;
}

const CERT_CODES = /CERT|SELF_SIGNED|UNABLE_TO_VERIFY|ERR_TLS_CERT_ALTNAME/;
const TLS_WORDS = /wrong version number|packet length too long|unknown protocol|SSL routines|TLS|handshake|STARTTLS/i;

function said(err: SmtpError): string {
  const words = (err.response ?? '').trim();
  return words ? ` The server said: "${words.slice(0, 300)}".` : '';
}

/** 4xx (and 503, a session hiccup) can succeed later; other 5xx replies will be refused again. */
function isTemporaryCode(code: number): boolean {
  return code < 500 || code === 503;
}

function fromReply(err: SmtpError, server: ServerRef): Verdict {
  const code = err.responseCode as number;
  if (err.code === 'EAUTH') {
    return isTemporaryCode(code)
      ? { kind: 'temporary', message: `The mail server could not check the login right now; the app will try again.${said(err)}` }
      : { kind: 'permanent', message: `The mail server refused the login for ${server.user ?? 'this user'}: the user name or password is wrong, or the account may not send mail this way. Check them in Settings, then retry the failed messages.${said(err)}` };
  }
  if (err.code === 'EENVELOPE' && err.rejectedErrors?.length) {
    const which = err.rejectedErrors.map((r) => r.recipient).filter(Boolean).join(', ');
    return isTemporaryCode(code)
      ? { kind: 'temporary', message: `The mail server asked to try ${which || 'these recipients'} again later.${said(err)}` }
      : { kind: 'permanent', message: `The mail server refused every recipient (${which}): the addresses may be misspelt or no longer exist.${said(err)}` };
  }
  if (isTemporaryCode(code)) return { kind: 'temporary', message: `The mail server asked to try again later (a temporary problem on its side, such as a busy server or greylisting).${said(err)}` };
  return { kind: 'permanent', message: `The mail server refused this message for good; sending it again unchanged will not help.${said(err)}` };
}

function fromConnection(err: SmtpError, server: ServerRef): Verdict {
  const where = `${server.host}:${server.port}`;
  const code = err.originalCode ?? err.code ?? '';
  const text = err.message ?? '';
  if (CERT_CODES.test(code) || /certificate/i.test(text)) {
    return { kind: 'permanent', message: `The mail server at ${where} showed a security certificate this computer does not trust (self-signed, expired, or for another name). Ask IT for the right server name; for an in-house server with its own certificate, turn on "Allow self-signed certificate".` };
  }
  if (err.code === 'ETLS' || TLS_WORDS.test(text)) {
    return { kind: 'permanent', message: `The secure connection to ${where} did not work: the TLS setting does not match the server. Port 465 usually needs "TLS"; ports 587 and 25 usually need "STARTTLS".` };
  }
  if (err.code === 'ENOAUTH') return { kind: 'permanent', message: 'The mail server needs a login: enter the user name and password in Settings.' };
  if (err.code === 'EDNS' || code === 'ENOTFOUND' || code === 'EAI_AGAIN') {
    return { kind: 'temporary', message: `The mail server name "${server.host}" could not be found. Check its spelling in Settings, and that this computer is online.` };
  }
  if (code === 'ECONNREFUSED') return { kind: 'temporary', message: `Cannot reach the mail server at ${where}: nothing answered there. The server may be down, or the name or port in Settings may be wrong.` };
  if (err.code === 'ETIMEDOUT' || code === 'ETIMEDOUT') return { kind: 'temporary', message: `The mail server at ${where} did not answer in time. It may be down, or a firewall may block port ${server.port}.` };
  if (['ECONFIG', 'EFILEACCESS', 'EURLACCESS', 'EMESSAGE', 'EENVELOPE'].includes(err.code ?? '')) {
    return { kind: 'permanent', message: `This message cannot be sent as it is (${text}).` };
  }
  return {
    kind: 'temporary',
    message: `The connection to the mail server at ${where} was lost (${text || code || 'no reason given'}). The message will be sent again; if it had already arrived, the person may get it twice.`,
  };
}

export function explainSmtpError(error: unknown, server: ServerRef): Verdict {
  const err = (typeof error === 'object' && error !== null ? error : { message: String(error) }) as SmtpError;
  return typeof err.responseCode === 'number' && err.responseCode >= 400 ? fromReply(err, server) : fromConnection(err, server);
}

/** One refused recipient of a message that others did accept. */
export function explainRejectedRecipient(err: SmtpError | undefined, address: string): string {
  const code = err?.responseCode;
  const reason = code && isTemporaryCode(code) ? 'was refused for now (a temporary problem); use Retry to send the message again' : 'was refused: the address may be misspelt or no longer exist';
  return `${address} ${reason}.${err ? said(err) : ''}`;
}
