import { describe, expect, it, vi } from 'vitest';
import { AppError } from '../app-error';
import { dispatch } from './dispatch';
import type { Handlers } from './index';

function handlersWith(overrides: Partial<Handlers>): Handlers {
  return new Proxy(overrides, {
    get: (target, name) => (target as Record<string | symbol, unknown>)[name] ?? (() => Promise.reject(new Error(`unexpected ${String(name)}`))),
  }) as Handlers;
}

describe('dispatch', () => {
  it('answers an unknown call with not_found and never calls a handler', async () => {
    const result = await dispatch(handlersWith({}), 'people.drop', {});
    expect(result).toEqual({ ok: false, error: { code: 'not_found', message: 'There is no call named "people.drop".' } });
  });

  it('refuses input that does not match the contract with the field and a readable sentence', async () => {
    const create = vi.fn();
    const result = await dispatch(handlersWith({ 'people.create': create }), 'people.create', { firstName: 'Ana', lastName: 'Lo', email: 'not-an-email', agencyId: 1, accessLevelId: 1 });
    expect(create).not.toHaveBeenCalled();
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('invalid');
    expect(result.error.message).toBe('Email: Enter a complete email address, like name@agency.org.');
    expect(result.error.fields).toEqual([{ field: 'email', message: 'Enter a complete email address, like name@agency.org.' }]);
  });

  it('passes an AppError through and hides other errors behind the internal sentence', async () => {
    const onInternal = vi.fn();
    const failing = handlersWith({
      'people.get': () => Promise.reject(new AppError('not_found', 'No person with number 9 is on the list.')),
      'agencies.list': () => Promise.reject(new Error('disk I/O error at /secret/path')),
    });
    expect(await dispatch(failing, 'people.get', { id: 9 }, onInternal)).toEqual({ ok: false, error: { code: 'not_found', message: 'No person with number 9 is on the list.' } });
    const hidden = await dispatch(failing, 'agencies.list', {}, onInternal);
    expect(hidden.ok === false && hidden.error.code).toBe('internal');
    expect(JSON.stringify(hidden)).not.toContain('/secret/path');
    expect(onInternal).toHaveBeenCalledTimes(1);
  });

  it('fills defaults before the handler sees the input', async () => {
    const list = vi.fn().mockResolvedValue({ total: 0, items: [] });
    await dispatch(handlersWith({ 'people.list': list }), 'people.list', {});
    expect(list).toHaveBeenCalledWith({ sort: 'name', direction: 'asc', offset: 0, limit: 100 });
  });

  it('with output checks on, answers a result that breaks the contract with an internal error naming the call', async () => {
    const onInternalError = vi.fn();
    const wrong = handlersWith({ 'agencies.list': () => Promise.resolve([{ id: 'one', name: 7 }] as never) });
    const checked = await dispatch(wrong, 'agencies.list', {}, { checkOutput: true, onInternalError });
    expect(checked).toEqual({ ok: false, error: { code: 'internal', message: expect.stringContaining('"agencies.list"') } });
    expect(String(onInternalError.mock.calls[0]?.[1])).toMatch(/agencies\.list.*output schema.*0\.id/);
    // Off (a production build): the result goes through unchecked.
    expect(await dispatch(wrong, 'agencies.list', {})).toEqual({ ok: true, value: [{ id: 'one', name: 7 }] });
  });

  it('with output checks on, lets a result that keeps the contract through', async () => {
    const right = handlersWith({ 'app.dismissWelcome': () => Promise.resolve({}) });
    expect(await dispatch(right, 'app.dismissWelcome', {}, { checkOutput: true })).toEqual({ ok: true, value: {} });
  });
});
