import { describe, expect, it } from 'vitest';
import { takeToken } from './token';

function fakeWindow(href: string) {
  const url = new URL(href);
  const storage = new Map<string, string>();
  const replaced: string[] = [];
  const win = {
    location: { hash: url.hash, pathname: url.pathname, search: url.search },
    history: { replaceState: (_s: unknown, _t: string, to: string) => replaced.push(to) },
    sessionStorage: { getItem: (k: string) => storage.get(k) ?? null, setItem: (k: string, v: string) => storage.set(k, v) },
  };
  return { win: win as unknown as Window, replaced, storage };
}

describe('takeToken', () => {
  it('takes the token from the address, keeps it for reloads and removes it from the address bar', () => {
    const { win, replaced, storage } = fakeWindow('http://127.0.0.1:5199/?x=1#token=abc123');
    expect(takeToken(win)).toBe('abc123');
    expect(storage.get('hmis.token')).toBe('abc123');
    expect(replaced).toEqual(['/?x=1#/']);
  });

  it('uses the kept token after a reload', () => {
    const { win, storage, replaced } = fakeWindow('http://127.0.0.1:5199/#/people/4');
    storage.set('hmis.token', 'kept');
    expect(takeToken(win)).toBe('kept');
    expect(replaced).toEqual([]);
  });

  it('has no token when none was given', () => {
    expect(takeToken(fakeWindow('http://127.0.0.1:5199/').win)).toBeNull();
  });
});
