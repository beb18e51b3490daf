import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Readable, Writable } from 'node:stream';
import { AppError } from '../../../shared/app-error';
import { cdpPrintParams, type PdfPrinter, type PdfPrintJob } from './pdf-job';

/** Where Debian and Ubuntu put Chromium (and Chrome), after an explicit HMIS_CHROMIUM. */
export const CHROMIUM_PATHS = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'];

export function findChromium(env: NodeJS.ProcessEnv = process.env, exists: (p: string) => boolean = existsSync): string {
  const candidates = [env.HMIS_CHROMIUM, ...CHROMIUM_PATHS].filter((p): p is string => Boolean(p));
  const found = candidates.find(exists);
  if (found) return found;
  throw new AppError(
    'not_found',
    `Saving a PDF needs Chromium, and none was found (looked for ${candidates.join(', ')}). Install it (on Debian: apt install chromium) or set HMIS_CHROMIUM to its path; CSV, XLSX and HTML work without it.`,
  );
}

/** Keep the browser this long after the last print: an agency pack prints thirty in a row. */
const IDLE_MS = 5000;
const PRINT_TIMEOUT_MS = 120_000;

type Pending = { resolve: (value: Record<string, unknown>) => void; reject: (error: Error) => void };

/**
 * A headless Chromium driven over the DevTools protocol on a pipe (--remote-debugging-pipe: fd 3
 * in, fd 4 out, NUL-separated JSON): no port is opened, no package beyond Node is needed. One
 * browser serves every print until it has been idle a few seconds.
 */
class ChromiumSession {
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private buffer = '';
  private readonly events = new Map<string, () => void>();
  readonly exited: Promise<void>;

  constructor(
    private readonly child: ChildProcess,
    readonly profile: string,
  ) {
    const out = child.stdio[4] as Readable;
    out.setEncoding('utf8');
    out.on('data', (chunk: string) => this.receive(chunk));
    this.exited = new Promise((resolve) => child.once('exit', () => resolve()));
    void this.exited.then(() => {
      for (const p of this.pending.values()) p.reject(new AppError('internal', 'Chromium stopped while printing the PDF. Try again; if it keeps happening, print from the app instead.'));
      this.pending.clear();
    });
  }

  private receive(chunk: string): void {
    this.buffer += chunk;
    let end: number;
    while ((end = this.buffer.indexOf('\0')) >= 0) {
      const message = JSON.parse(this.buffer.slice(0, end)) as { id?: number; method?: string; sessionId?: string; result?: Record<string, unknown>; error?: { message: string } };
      this.buffer = this.buffer.slice(end + 1);
      if (message.id !== undefined) {
        const p = this.pending.get(message.id);
        this.pending.delete(message.id);
        if (message.error) p?.reject(new Error(`Chromium: ${message.error.message}`));
        else p?.resolve(message.result ?? {});
      } else if (message.method) {
        this.events.get(`${message.sessionId ?? ''}|${message.method}`)?.();
      }
    }
  }

  send(method: string, params: Record<string, unknown> = {}, sessionId?: string): Promise<Record<string, unknown>> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      (this.child.stdio[3] as Writable).write(`${JSON.stringify({ id, method, params, ...(sessionId ? { sessionId } : {}) })}\0`);
    });
  }

  once(sessionId: string, method: string): Promise<void> {
    return new Promise((resolve) => this.events.set(`${sessionId}|${method}`, resolve));
  }

  async printPage(file: string, job: PdfPrintJob): Promise<Uint8Array> {
    const { targetId } = (await this.send('Target.createTarget', { url: 'about:blank' })) as { targetId: string };
    const { sessionId } = (await this.send('Target.attachToTarget', { targetId, flatten: true })) as { sessionId: string };
    try {
      await this.send('Page.enable', {}, sessionId);
      const loaded = this.once(sessionId, 'Page.loadEventFired');
      await this.send('Page.navigate', { url: pathToFileURL(file).href }, sessionId);
      await loaded;
      const { data } = (await this.send('Page.printToPDF', cdpPrintParams(job), sessionId)) as { data: string };
      return new Uint8Array(Buffer.from(data, 'base64'));
    } finally {
      await this.send('Target.closeTarget', { targetId }).catch(() => undefined);
    }
  }

  async close(): Promise<void> {
    if (this.child.exitCode === null) {
      await this.send('Browser.close').catch(() => undefined);
      const timer = setTimeout(() => this.child.kill('SIGKILL'), 3000);
      await this.exited;
      clearTimeout(timer);
    }
    rmSync(this.profile, { recursive: true, force: true });
  }
}

function launch(binary: string): ChildProcess {
  const profile = mkdtempSync(path.join(tmpdir(), 'hmis-chromium-'));
  // Chromium refuses to run as root (containers, CI) inside its sandbox; the page is our own HTML with no script.
  const asRoot = process.getuid?.() === 0 ? ['--no-sandbox'] : [];
  const child = spawn(binary, ['--headless', '--disable-gpu', '--no-first-run', '--no-default-browser-check', '--disable-extensions', '--remote-debugging-pipe', `--user-data-dir=${profile}`, ...asRoot, 'about:blank'], {
    stdio: ['ignore', 'ignore', 'ignore', 'pipe', 'pipe'],
  });
  Object.assign(child, { profile });
  return child;
}

/** Debian's Chromium as the core's PDF printer (the CLI and `npm run serve`, where Electron is absent). */
export function chromiumPrinter(options: { binary?: string } = {}): PdfPrinter {
  let session: Promise<ChromiumSession> | null = null;
  let idle: NodeJS.Timeout | undefined;
  let work = Promise.resolve();
  // Pages go to Chromium as files (a long report is megabytes, past what a data: URL carries); made on first print.
  let files: string | null = null;
  let count = 0;

  const start = () => {
    const binary = options.binary ?? findChromium();
    const child = launch(binary);
    const started = new ChromiumSession(child, (child as ChildProcess & { profile: string }).profile);
    return new Promise<ChromiumSession>((resolve, reject) => {
      child.once('error', (error) => reject(new AppError('not_found', `Chromium at ${binary} could not be started (${error.message}). Install it (apt install chromium) or set HMIS_CHROMIUM.`)));
      started.send('Browser.getVersion').then(() => resolve(started), reject);
    });
  };

  const stop = async () => {
    clearTimeout(idle);
    const current = session;
    session = null;
    if (current) await (await current.catch(() => null))?.close();
  };

  const printOne = async (job: PdfPrintJob): Promise<Uint8Array> => {
    clearTimeout(idle);
    session ??= start();
    const s = await session.catch((error: unknown) => {
      session = null;
      throw error;
    });
    files ??= mkdtempSync(path.join(tmpdir(), 'hmis-print-'));
    const file = path.join(files, `page-${(count += 1)}.html`);
    writeFileSync(file, job.html);
    let timer: NodeJS.Timeout | undefined;
    try {
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new AppError('internal', 'Chromium took more than two minutes to print the PDF, so it was stopped. Try a shorter report (filter it) or print from the app.')), PRINT_TIMEOUT_MS);
      });
      return await Promise.race([s.printPage(file, job), timeout]);
    } catch (error) {
      await stop();
      throw error;
    } finally {
      clearTimeout(timer);
      rmSync(file, { force: true });
      idle = setTimeout(() => void stop(), IDLE_MS);
      idle.unref();
    }
  };

  return {
    name: "Debian's Chromium",
    // One print at a time: the pages share one browser, and a report is printed whole.
    print(job) {
      const result = work.then(() => printOne(job));
      work = result.then(
        () => undefined,
        () => undefined,
      );
      return result;
    },
    async close() {
      await work;
      await stop();
      if (files) rmSync(files, { recursive: true, force: true });
      files = null;
    },
  };
}
