import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Input } from '../../../shared/contract';
import { createClient, setApi } from '../../api/client';
import { useFinderStore } from './finder-store';

interface Pending {
  input: Input<'people.list'>;
  answer: (lastNames: string[]) => void;
}
let pending: Pending[] = [];

const person = (id: number, lastName: string) => ({ id, firstName: 'Ana', lastName, email: `a${id}@x.org`, stage: 'awaiting_documents' });

beforeEach(() => {
  vi.useFakeTimers();
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
    useFinderStore.getState().open();
    const store = useFinderStore.getState();
    store.setText('h');
    store.setText('he');
    store.setText('her');
    expect(pending).toHaveLength(1); // the empty search when it opened
    vi.advanceTimersByTime(120);
    expect(pending.map((p) => p.input.search)).toEqual([undefined, 'her']);
  });

  it('shows only the answer to the newest search', async () => {
    useFinderStore.getState().open();
    useFinderStore.getState().setText('he');
    vi.advanceTimersByTime(120);
    useFinderStore.getState().setText('herr');
    vi.advanceTimersByTime(120);
    pending[2]?.answer(['Herrera']);
    pending[1]?.answer(['Hernandez', 'Herrera']);
    pending[0]?.answer(['Adams']);
    await vi.runAllTimersAsync();
    expect(useFinderStore.getState().results.map((p) => p.lastName)).toEqual(['Herrera']);
  });

  it('moves the highlight with wrap-around', async () => {
    useFinderStore.getState().open();
    pending[0]?.answer(['A', 'B', 'C']);
    await vi.runAllTimersAsync();
    const { move } = useFinderStore.getState();
    move(-1);
    expect(useFinderStore.getState().active).toBe(2);
    move(1);
    move(1);
    expect(useFinderStore.getState().active).toBe(1);
  });
});
