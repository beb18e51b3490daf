import { randomInt } from 'node:crypto';

/**
 * A temporary password a person can read aloud and type from an email: three groups of four
 * from an alphabet without look-alikes (no 0/O/o, 1/l/I/i), with an upper-case letter, a
 * lower-case letter and a digit, as HMIS vendors' password rules ask. 12 characters from 54 is
 * about 69 bits, drawn with crypto.randomInt (no modulo bias).
 */
const UPPER = 'ABCDEFGHJKLMNPQRSTUVWXYZ';
const LOWER = 'abcdefghjkmnpqrstuvwxyz';
const DIGITS = '23456789';
const ALPHABET = UPPER + LOWER + DIGITS;
const GROUPS = 3;
const GROUP_LENGTH = 4;

function draw(): string {
  const chars = Array.from({ length: GROUPS * GROUP_LENGTH }, () => ALPHABET.charAt(randomInt(ALPHABET.length)));
  return Array.from({ length: GROUPS }, (_, g) => chars.slice(g * GROUP_LENGTH, (g + 1) * GROUP_LENGTH).join('')).join('-');
}

const hasEveryClass = (p: string) => /[A-Z]/.test(p) && /[a-z]/.test(p) && /[2-9]/.test(p);

export function temporaryPassword(): string {
  for (;;) {
    const candidate = draw();
    if (hasEveryClass(candidate)) return candidate;
  }
}
