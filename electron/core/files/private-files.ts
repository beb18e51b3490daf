import { chmodSync, closeSync, existsSync, mkdirSync, openSync } from 'node:fs';

/**
 * The data folder holds the whole staff list: on Linux and macOS a default umask would leave it
 * 0755 and the database 0644, readable by every local user. Folders are made 0700 and files 0600
 * explicitly (mkdir's and open's modes are narrowed by the umask, never widened, so a chmod follows).
 * Windows has no POSIX modes; a profile folder (APPDATA) is already the current user's.
 */
const POSIX = process.platform !== 'win32';

export const PRIVATE_DIR_MODE = 0o700;
export const PRIVATE_FILE_MODE = 0o600;

/** Creates the folder (and any missing parents) for the current user only; narrows one that exists. */
export function ensurePrivateDir(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
  if (POSIX) chmodSync(dir, PRIVATE_DIR_MODE);
}

/**
 * Creates an empty file 0600 when missing, narrows one that exists. SQLite gives its -wal and -shm
 * files the database file's mode, so creating `hmis.sqlite` this way covers them too.
 */
export function ensurePrivateFile(file: string): void {
  if (!existsSync(file)) closeSync(openSync(file, 'a', PRIVATE_FILE_MODE));
  if (POSIX) chmodSync(file, PRIVATE_FILE_MODE);
}

/** Narrows files SQLite made before this version created the database 0600 (an older data folder). */
export function narrowIfPresent(file: string): void {
  if (POSIX && existsSync(file)) chmodSync(file, PRIVATE_FILE_MODE);
}
