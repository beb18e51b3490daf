import { open } from 'node:fs/promises';
import { AppError } from '../../shared/app-error';

const MB = 1024 * 1024;

export interface FileLimit {
  maxBytes: number;
  /** The sentence for a file over the limit, given its size in MB (one decimal). */
  tooLarge(megabytes: number): string;
}

const megabytesOf = (bytes: number) => Math.ceil((bytes / MB) * 10) / 10;

function unreadable(file: string, error: unknown): AppError {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return new AppError('not_found', `There is no file ${file}.`, [{ field: 'file', message: 'There is no such file.' }]);
  if (code === 'EISDIR') return new AppError('invalid', `${file} is a folder. Name a file in it instead.`, [{ field: 'file', message: 'A folder, not a file.' }]);
  return new AppError('invalid', `${file} cannot be read (${code ?? 'unknown error'}).`, [{ field: 'file', message: 'The file cannot be read.' }]);
}

/**
 * A file named on the command line, size checked before a byte is read: a script handing over
 * forty 40 MB files, or a file far over the core's limit, never fills the memory. At most the size
 * seen is read, so a file still growing cannot slip past the check either.
 */
export async function readInputFile(file: string, limit: FileLimit): Promise<Uint8Array> {
  const handle = await open(file, 'r').catch((error: unknown) => Promise.reject(unreadable(file, error)));
  try {
    const stats = await handle.stat();
    if (stats.isDirectory()) throw unreadable(file, Object.assign(new Error('folder'), { code: 'EISDIR' }));
    if (stats.size > limit.maxBytes) throw new AppError('invalid', limit.tooLarge(megabytesOf(stats.size)), [{ field: 'file', message: 'Over the size limit.' }]);
    const bytes = new Uint8Array(stats.size);
    let filled = 0;
    while (filled < bytes.byteLength) {
      const { bytesRead } = await handle.read(bytes, filled, bytes.byteLength - filled, filled);
      if (bytesRead === 0) break;
      filled += bytesRead;
    }
    return filled === bytes.byteLength ? bytes : bytes.subarray(0, filled);
  } catch (error) {
    throw error instanceof AppError ? error : unreadable(file, error);
  } finally {
    await handle.close();
  }
}
