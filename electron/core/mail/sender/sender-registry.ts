import { randomBytes } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import path from 'node:path';

/**
 * Who may be holding outbox claims right now. A sender writes a small file here (under the data
 * folder) before it claims anything and removes it when its run ends, so at startup a process can
 * tell "the sender that left these rows `sending` is dead" (its process is gone) from "another
 * sender is at work" (the app beside a scheduled CLI run), and reclaim at once only in the first
 * case. What cannot be known (a process on another computer sharing the folder) counts as alive,
 * and those rows wait for the usual reclaim timeout instead.
 */
export interface SenderIdentity {
  host: string;
  pid: number;
  /** When the process started (ms since the epoch): a reused process id is a different process. */
  processStartedAt: number;
}

export interface RegistryEntry extends SenderIdentity {
  file: string;
}

/** Node's process.uptime() counts from the process's start, so every thread of it agrees. */
export function thisProcess(): SenderIdentity {
  return { host: hostname(), pid: process.pid, processStartedAt: Math.round(Date.now() - process.uptime() * 1000) };
}

/** Signal 0 tests for a process without touching it; EPERM means it exists but is someone else's. */
export function processExists(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Two readings of one process's start differ by the clock's jitter, never by seconds. */
const SAME_START_MS = 2_000;

/** Whether the sender that wrote `entry` may still be running, seen from `here`. */
export function mayBeAlive(entry: SenderIdentity, here: SenderIdentity, exists: (pid: number) => boolean = processExists): boolean {
  if (entry.host !== here.host) return true;
  if (entry.pid === here.pid) return Math.abs(entry.processStartedAt - here.processStartedAt) < SAME_START_MS;
  return exists(entry.pid);
}

export function senderRegistryDir(dataDir: string): string {
  return path.join(dataDir, 'senders');
}

function readEntry(dir: string, file: string): RegistryEntry | null {
  try {
    const parsed = JSON.parse(readFileSync(path.join(dir, file), 'utf8')) as Partial<SenderIdentity>;
    if (typeof parsed.host !== 'string' || !Number.isInteger(parsed.pid) || typeof parsed.processStartedAt !== 'number') return null;
    return { host: parsed.host, pid: parsed.pid as number, processStartedAt: parsed.processStartedAt, file };
  } catch {
    return null; // half-written by a process killed mid-write: it holds nothing
  }
}

/** The registry of one data folder. Synchronous on purpose: it is read inside a short transaction. */
export function createSenderRegistry(dataDir: string, here: SenderIdentity = thisProcess()) {
  const dir = senderRegistryDir(dataDir);
  return {
    /** Announces this sender before its first claim; returns the function that withdraws it. */
    register(): () => void {
      mkdirSync(dir, { recursive: true, mode: 0o700 });
      const file = path.join(dir, `${here.pid}-${randomBytes(6).toString('hex')}.json`);
      // Written aside and renamed, so a survey never sees it half-written.
      writeFileSync(`${file}.tmp`, JSON.stringify(here), { mode: 0o600 });
      renameSync(`${file}.tmp`, file);
      return () => rmSync(file, { force: true });
    },
    /**
     * How many registered senders may be alive; the files of the dead ones are removed, and so are
     * unreadable ones (a file only appears whole, by rename, so an unreadable one is damaged).
     */
    survey(exists: (pid: number) => boolean = processExists): { alive: number; dead: number } {
      let names: string[];
      try {
        names = readdirSync(dir).filter((name) => name.endsWith('.json'));
      } catch {
        return { alive: 0, dead: 0 };
      }
      let alive = 0;
      let dead = 0;
      for (const name of names) {
        const entry = readEntry(dir, name);
        if (entry && mayBeAlive(entry, here, exists)) {
          alive += 1;
          continue;
        }
        dead += 1;
        rmSync(path.join(dir, name), { force: true });
      }
      return { alive, dead };
    },
  };
}

export type SenderRegistry = ReturnType<typeof createSenderRegistry>;
