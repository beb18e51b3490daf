import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { decodeWire, encodeWire } from '../../shared/contract/wire';
import type { Envelope } from '../../shared/app-error';
import type { CallName, Input, Output } from '../../shared/contract';
import { rawRequest, startHostFixture, type HostFixture } from './host-fixture';

let f: HostFixture;

beforeAll(async () => {
  f = await startHostFixture({ maxBodyBytes: 1024 * 1024 });
});
afterAll(() => f.close());

async function call(name: string, input: unknown, headers: Record<string, string> = {}): Promise<{ status: number; envelope: Envelope<unknown> }> {
  const response = await fetch(`${f.host.origin}/api/${name}`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${f.host.token}`, 'Content-Type': 'application/json', ...headers },
    body: encodeWire(input),
  });
  expect(response.headers.get('cache-control')).toBe('no-store');
  return { status: response.status, envelope: decodeWire(await response.text()) as Envelope<unknown> };
}

async function valueOf<K extends CallName>(name: K, input: Input<K>): Promise<Output<K>> {
  const { envelope } = await call(name, input);
  if (!envelope.ok) throw new Error(`${name} failed: ${envelope.error.message}`);
  return envelope.value as Output<K>;
}

async function newPersonInput(email: string): Promise<Input<'people.create'>> {
  const agencies = await valueOf('agencies.list', {});
  const agency = agencies[0] ?? (await valueOf('agencies.create', { name: 'River City Outreach' }));
  const [level] = await valueOf('accessLevels.list', {});
  return { firstName: 'Maria', lastName: 'Lopez', email, agencyId: agency.id, accessLevelId: level!.id };
}

describe('the HTTP host: calls', () => {
  it('prints a URL that carries the token in the hash, on 127.0.0.1', () => {
    expect(f.host.url).toBe(`http://127.0.0.1:${f.host.port}/#token=${f.host.token}`);
    expect(f.host.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it('runs a call with the token and answers with the envelope', async () => {
    const { status, envelope } = await call('people.create', await newPersonInput('maria.lopez@rivercity.example.org'));
    expect(status).toBe(200);
    expect(envelope).toMatchObject({ ok: true, value: { firstName: 'Maria', email: 'maria.lopez@rivercity.example.org', stage: 'awaiting_documents' } });
  });

  it('refuses a call without the token, or with a wrong one, with 401', async () => {
    for (const headers of [{}, { Authorization: 'Bearer not-the-token' }] as Record<string, string>[]) {
      const res = await rawRequest(f.host.port, { method: 'POST', path: '/api/app.info', headers: { Host: `127.0.0.1:${f.host.port}`, ...headers }, body: '{}' });
      expect(res.status).toBe(401);
      expect(JSON.parse(res.body)).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    }
  });

  it('refuses a foreign Host (DNS rebinding) and a foreign Origin (another page) with 403', async () => {
    const auth = { Authorization: `Bearer ${f.host.token}` };
    const rebound = await rawRequest(f.host.port, { method: 'POST', path: '/api/app.info', headers: { Host: `evil.example:${f.host.port}`, ...auth }, body: '{}' });
    expect(rebound.status).toBe(403);
    const foreign = await rawRequest(f.host.port, { method: 'POST', path: '/api/app.info', headers: { Host: `127.0.0.1:${f.host.port}`, Origin: 'https://evil.example', ...auth }, body: '{}' });
    expect(foreign.status).toBe(403);
    expect(JSON.parse(foreign.body).error.message).toMatch(/other web pages are refused/);
    const ours = await rawRequest(f.host.port, { method: 'POST', path: '/api/app.info', headers: { Host: `localhost:${f.host.port}`, Origin: `http://localhost:${f.host.port}`, ...auth }, body: '{}' });
    expect(ours.status).toBe(200);
  });

  it('answers invalid input with an invalid envelope naming each field', async () => {
    const input = { ...(await newPersonInput('not-an-email')), firstName: '' };
    const { status, envelope } = await call('people.create', input);
    expect(status).toBe(200);
    expect(envelope.ok).toBe(false);
    if (envelope.ok) return;
    expect(envelope.error.code).toBe('invalid');
    expect(envelope.error.fields).toEqual(
      expect.arrayContaining([
        { field: 'firstName', message: 'Enter the first name.' },
        { field: 'email', message: 'Enter a complete email address, like name@agency.org.' },
      ]),
    );
  });

  it('answers an unknown call with not_found, a non-JSON body with invalid, and a GET with 405', async () => {
    expect((await call('people.explode', {})).envelope).toMatchObject({ ok: false, error: { code: 'not_found' } });
    const garbage = await fetch(`${f.host.origin}/api/app.info`, { method: 'POST', headers: { Authorization: `Bearer ${f.host.token}` }, body: '{oops' });
    expect(garbage.status).toBe(400);
    expect(await garbage.json()).toMatchObject({ ok: false, error: { code: 'invalid' } });
    const get = await fetch(`${f.host.origin}/api/people.list`, { headers: { Authorization: `Bearer ${f.host.token}` } });
    expect(get.status).toBe(405);
  });

  it('refuses a body over the limit with 413, by declared length and by streaming', async () => {
    const headers = { Host: `127.0.0.1:${f.host.port}`, Authorization: `Bearer ${f.host.token}` };
    const big = JSON.stringify({ padding: 'x'.repeat(1024 * 1024 + 10) });
    const declared = await rawRequest(f.host.port, { method: 'POST', path: '/api/app.info', headers, body: big });
    expect(declared.status).toBe(413);
    const streamed = await rawRequest(f.host.port, { method: 'POST', path: '/api/app.info', headers: { ...headers, 'Transfer-Encoding': 'chunked' }, body: big });
    expect(streamed.status).toBe(413);
    expect(JSON.parse(streamed.body).error.message).toMatch(/too much to send at once/);
  });

  it('logs an internal failure with the call name but tells the client only the plain sentence', async () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => {});
    const failing = vi.spyOn(f.core.handlers, 'app.info').mockRejectedValueOnce(new Error('disk on fire at /secret/path'));
    const { envelope } = await call('app.info', {});
    expect(envelope).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(JSON.stringify(envelope)).not.toContain('disk on fire');
    expect(String(log.mock.calls[0]?.[0])).toContain('app.info');
    failing.mockRestore();
    log.mockRestore();
  });
});

describe('the HTTP host: events', () => {
  it('refuses the event stream without the token', async () => {
    expect((await fetch(`${f.host.origin}/api/events`)).status).toBe(401);
  });

  it('streams `changed` after people.create and unsubscribes when the tab goes away', async () => {
    const abort = new AbortController();
    const response = await fetch(`${f.host.origin}/api/events?token=${f.host.token}`, { signal: abort.signal });
    expect(response.headers.get('content-type')).toContain('text/event-stream');
    const reader = response.body!.getReader();
    await reader.read(); // the `retry:` preamble: the stream is open and subscribed
    await call('people.create', await newPersonInput('james.smith@rivercity.example.org'));
    let text = '';
    while (!text.includes('event: changed\n')) text += new TextDecoder().decode((await reader.read()).value);
    expect(text).toMatch(/event: changed\ndata: \{"entities":\["people","agencies"\]\}\n\n/);
    expect(f.subscribers()).toBe(1);
    abort.abort();
    await vi.waitFor(() => expect(f.subscribers()).toBe(0));
  });
});
