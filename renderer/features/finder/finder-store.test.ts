import { QueryClient, QueryObserver, keepPreviousData } from '@tanstack/react-query';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Input } from '../../../shared/contract';
import { createClient, setApi } from '../../api/client';
import { callQuery } from '../../api/use-call';
import { finderInput, useFinderStore } from './finder-store';

interface Pending {
  input: Input<'people.list'>;
  answer: (lastNames: string[]) => void;
}
let pending: Pending[] = [];

const person = (id: number, lastName: string) => ({ id, firstName: 'Ana', lastName, email: `a${id}@x.org`, stage: 'awaiting_documents' });

beforeEach(() => {
  pending = [];
  setApi(
    createClient({
      invoke: (_call, input) =>
        new Promise((resolve) => {
          pending.push({
            input: input as Input<'people.list'>,
            answer: (names) => resolve({ ok: true, value: { total: names.length, items: names.map((n, i) => person(i + 1, n)) } }),
          });
        }),
      on: () => () => {},
    }),
  );
  useFinderStore.getState().close();
});

afterEach(() => vi.useRealTimers());

describe('person finder store', () => {
  it('searches once typing pauses, not on every letter', () => {
    vi.useFakeTimers();
    useFinderStore.getState().open();
    const store = useFinderStore.getState();
    store.setText('h');
    store.setText('he');
    store.setText('her');
    expect(useFinderStore.getState()).toMatchObject({ text: 'her', search: '' });
    vi.advanceTimersByTime(120);
    expect(useFinderStore.getState().search).toBe('her');
    expect(finderInput('  her ')).toEqual({ search: 'her', limit: 12, sort: 'name' });
  });

  it('shows only the answer to the newest search, and the previous rows until it comes', async () => {
    const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    const options = (search: string) => ({ ...callQuery('people.list', finderInput(search)), placeholderData: keepPreviousData });
    const observer = new QueryObserver(client, options(''));
    const off = observer.subscribe(() => {});
    const names = () => observer.getCurrentResult().data?.items.map((p) => p.lastName);
    pending[0]?.answer(['Adams', 'Hernandez']);
    await vi.waitFor(() => expect(names()).toEqual(['Adams', 'Hernandez']));
    observer.setOptions(options('he'));
    observer.setOptions(options('herr'));
    expect(names()).toEqual(['Adams', 'Hernandez']);
    pending[2]?.answer(['Herrera']);
    await vi.waitFor(() => expect(names()).toEqual(['Herrera']));
    pending[1]?.answer(['Hernandez', 'Herrera']);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(names()).toEqual(['Herrera']);
    off();
  });

  it('moves the highlight with wrap-around', () => {
    useFinderStore.getState().open();
    const { move } = useFinderStore.getState();
    move(-1, 3);
    expect(useFinderStore.getState().active).toBe(2);
    move(1, 3);
    move(1, 3);
    expect(useFinderStore.getState().active).toBe(1);
  });
});

describe('keys typed while the finder opens', () => {
  it('keeps every letter typed before the box has focus, and nothing once it is closed', () => {
    const finder = useFinderStore.getState();
    finder.open();
    for (const key of ['L', 'a', 'u', 'x', 'Backspace', 'r', 'Shift', 'e', 'n']) finder.typeAhead(key);
    expect(useFinderStore.getState().text).toBe('Lauren');
    finder.close();
    expect(useFinderStore.getState().typeAhead('z')).toBe(false);
    expect(useFinderStore.getState().text).toBe('Lauren');
  });
});
