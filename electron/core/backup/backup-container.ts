import { createCipheriv, createDecipheriv, createHash, randomBytes, scrypt as scryptCallback, type CipherGCM, type DecipherGCM } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { AppError } from '../../../shared/app-error';

/**
 * The backup file: one file, so it copies to a network drive or a USB stick as one thing.
 *
 *   "HMISBAK1"                       8 bytes
 *   flags                            1 byte; bit 0 = encrypted
 *   (encrypted) salt 16, iv 12, key check 16
 *   body: entries, each u16 name length, UTF-8 name, u64 size, bytes; a zero-length name ends it
 *   (encrypted) the AES-256-GCM tag, 16 bytes
 *
 * Encrypted, the body is AES-256-GCM under a key scrypt derives from the passphrase and a random
 * salt; the IV is random per file; the tag authenticates the whole body. The key check (a hash of
 * the key, not of the passphrase) lets a wrong passphrase be refused before anything is read.
 */
const MAGIC = Buffer.from('HMISBAK1', 'latin1');
const SCRYPT = { N: 2 ** 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 };
const CHUNK = 1024 * 1024;

function scrypt(passphrase: string, salt: Buffer): Promise<Buffer> {
  return new Promise((resolve, reject) => scryptCallback(passphrase.normalize('NFC'), salt, 32, SCRYPT, (error, key) => (error ? reject(error) : resolve(key))));
}

const keyCheckOf = (key: Buffer) => createHash('sha256').update(key).update('hmis-backup-key-check').digest().subarray(0, 16);

export const notABackup = (file: string) => new AppError('invalid', `${path.basename(file)} is not an HMIS Access Desk backup (it does not start like one). Choose a file made by Backup now or hmis-desk backup.`, [{ field: 'file', message: 'Not a backup file.' }]);

/** Writes entries one after another, streaming each file, encrypting on the way when asked. */
export async function createContainerWriter(file: string, passphrase?: string) {
  const handle = await fs.open(file, 'wx', 0o600);
  let cipher: CipherGCM | null = null;
  try {
    const header = [MAGIC, Buffer.from([passphrase ? 1 : 0])];
    if (passphrase) {
      const salt = randomBytes(16);
      const iv = randomBytes(12);
      const key = await scrypt(passphrase, salt);
      cipher = createCipheriv('aes-256-gcm', key, iv);
      header.push(salt, iv, keyCheckOf(key));
    }
    await handle.write(Buffer.concat(header));
  } catch (error) {
    await handle.close();
    throw error;
  }
  const write = async (bytes: Buffer) => {
    const out = cipher ? cipher.update(bytes) : bytes;
    if (out.length) await handle.write(out);
  };
  const entryHeader = (name: string, size: number) => {
    const nameBytes = Buffer.from(name, 'utf8');
    const head = Buffer.alloc(2 + nameBytes.length + 8);
    head.writeUInt16BE(nameBytes.length, 0);
    nameBytes.copy(head, 2);
    head.writeBigUInt64BE(BigInt(size), 2 + nameBytes.length);
    return head;
  };
  return {
    async addBytes(name: string, bytes: Uint8Array) {
      await write(entryHeader(name, bytes.byteLength));
      await write(Buffer.from(bytes));
    },
    /** Streams a file in; returns its SHA-256 as read, so the manifest holds what was really written. */
    async addFile(name: string, source: string): Promise<{ sha256: string; size: number }> {
      const input = await fs.open(source, 'r');
      try {
        const { size } = await input.stat();
        await write(entryHeader(name, size));
        const hash = createHash('sha256');
        const buffer = Buffer.alloc(CHUNK);
        for (let done = 0; done < size; ) {
          const { bytesRead } = await input.read(buffer, 0, Math.min(CHUNK, size - done), done);
          if (bytesRead === 0) throw new Error(`${source} became shorter while it was being backed up.`);
          const chunk = buffer.subarray(0, bytesRead);
          hash.update(chunk);
          await write(chunk);
          done += bytesRead;
        }
        return { sha256: hash.digest('hex'), size };
      } finally {
        await input.close();
      }
    },
    async finish() {
      try {
        await write(Buffer.from([0, 0]));
        if (cipher) {
          const rest = cipher.final();
          if (rest.length) await handle.write(rest);
          await handle.write(cipher.getAuthTag());
        }
        await handle.sync();
      } finally {
        await handle.close();
      }
    },
    abort: () => handle.close().catch(() => undefined),
  };
}

/** What a backup file says about itself before it is opened: whether it needs a passphrase. */
export async function readContainerHeader(file: string): Promise<{ encrypted: boolean }> {
  const handle = await fs.open(file, 'r').catch((error: NodeJS.ErrnoException) => {
    throw new AppError('not_found', `${file} cannot be opened (${error.code ?? error.message}).`, [{ field: 'file', message: 'The file cannot be opened.' }]);
  });
  try {
    const head = Buffer.alloc(9);
    const { bytesRead } = await handle.read(head, 0, 9, 0);
    if (bytesRead < 9 || !head.subarray(0, 8).equals(MAGIC)) throw notABackup(file);
    return { encrypted: (head[8]! & 1) === 1 };
  } finally {
    await handle.close();
  }
}

/**
 * Reads every entry into `intoDir` (names are checked: no absolute paths, no `..`), decrypting
 * when the file is encrypted. Nothing read is to be trusted until this returns: the GCM tag is
 * checked at the end, and a file cut short or changed fails here.
 */
export async function extractContainer(file: string, intoDir: string, passphrase?: string): Promise<string[]> {
  const { encrypted } = await readContainerHeader(file);
  const handle = await fs.open(file, 'r');
  try {
    const { size: fileSize } = await handle.stat();
    let position = 9;
    let end = fileSize;
    let decipher: DecipherGCM | null = null;
    if (encrypted) {
      if (!passphrase) throw new AppError('invalid', 'This backup is encrypted: give its passphrase.', [{ field: 'passphrase', message: 'Enter the passphrase the backup was made with.' }]);
      const head = Buffer.alloc(44);
      await handle.read(head, 0, 44, 9);
      const key = await scrypt(passphrase, head.subarray(0, 16));
      if (!keyCheckOf(key).equals(head.subarray(28, 44))) {
        throw new AppError('invalid', 'That passphrase does not open this backup. Check it (letter case counts) and try again.', [{ field: 'passphrase', message: 'Wrong passphrase.' }]);
      }
      decipher = createDecipheriv('aes-256-gcm', key, head.subarray(16, 28));
      const tag = Buffer.alloc(16);
      await handle.read(tag, 0, 16, fileSize - 16);
      decipher.setAuthTag(tag);
      position = 53;
      end = fileSize - 16;
    }

    // A pull reader over the (decrypted) body.
    let pending = Buffer.alloc(0);
    const chunk = Buffer.alloc(CHUNK);
    const pull = async (): Promise<boolean> => {
      if (position >= end) return false;
      const { bytesRead } = await handle.read(chunk, 0, Math.min(CHUNK, end - position), position);
      if (bytesRead === 0) return false;
      position += bytesRead;
      const plain = decipher ? decipher.update(chunk.subarray(0, bytesRead)) : Buffer.from(chunk.subarray(0, bytesRead));
      pending = pending.length ? Buffer.concat([pending, plain]) : plain;
      return true;
    };
    const damaged = () => new AppError('invalid', `${path.basename(file)} is damaged or incomplete: it ends before its contents do. Use another backup.`, [{ field: 'file', message: 'The backup is damaged.' }]);
    const take = async (n: number): Promise<Buffer> => {
      while (pending.length < n) if (!(await pull())) throw damaged();
      const out = pending.subarray(0, n);
      pending = pending.subarray(n);
      return out;
    };

    const names: string[] = [];
    for (;;) {
      const nameLength = (await take(2)).readUInt16BE(0);
      if (nameLength === 0) break;
      const name = (await take(nameLength)).toString('utf8');
      const target = path.resolve(intoDir, name);
      if (path.isAbsolute(name) || name.split(/[\\/]/).includes('..') || !target.startsWith(path.resolve(intoDir) + path.sep)) throw damaged();
      let remaining = Number((await take(8)).readBigUInt64BE(0));
      await fs.mkdir(path.dirname(target), { recursive: true, mode: 0o700 });
      const out = await fs.open(target, 'wx', 0o600);
      try {
        while (remaining > 0) {
          if (!pending.length && !(await pull())) throw damaged();
          const piece = pending.subarray(0, Math.min(remaining, pending.length));
          pending = pending.subarray(piece.length);
          await out.write(piece);
          remaining -= piece.length;
        }
        await out.sync();
      } finally {
        await out.close();
      }
      names.push(name);
    }
    if (decipher) {
      while (await pull()) {
        /* the rest of the body, for the tag */
      }
      try {
        decipher.final();
      } catch {
        throw new AppError('invalid', `${path.basename(file)} was changed or damaged after it was written: its encryption tag does not match. Use another backup.`, [{ field: 'file', message: 'The backup is damaged.' }]);
      }
    }
    return names;
  } finally {
    await handle.close();
  }
}
