import { existsSync, readFileSync, rmSync, statSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { fixedClock } from '../clock';
import { createCore } from '../create-core';
import { call, perfectAnswers, quizOfKind, twoTrainees } from '../quizzes/test-support/training-kit';
import { tempCore, type TempCore } from '../test-support/temp-core';
import { DRAFT_EXPIRED } from './credential-drafts';

let t: TempCore | null = null;
afterEach(async () => {
  await t?.dispose();
  t = null;
});

/** A trainee who passed, and their credentials issued with no mail server: a draft with the password. */
async function credentialsDraft(core: TempCore) {
  const { ngozi } = await twoTrainees(core.core);
  const quiz = await quizOfKind(core.core, 'new_user');
  await call(core.core, 'quizzes.grade', { personId: ngozi.id, quizId: quiz.id, takenOn: '2026-11-28', answers: perfectAnswers(quiz) });
  await call(core.core, 'training.settings.save', { loginUrl: 'https://hmis.county.example.org/login' });
  const issued = await call(core.core, 'credentials.issue', { personId: ngozi.id, username: 'nokafor' });
  const row = await call(core.core, 'mail.get', { id: issued.mail?.id ?? 0 });
  return { id: row.id, file: row.draftPath ?? '', password: issued.temporaryPassword ?? '' };
}

describe('credentials drafts', () => {
  it.skipIf(process.platform === 'win32')('are written readable by their owner only (0600)', async () => {
    t = await tempCore();
    const draft = await credentialsDraft(t);
    expect(readFileSync(draft.file, 'utf8')).toContain(draft.password);
    expect(statSync(draft.file).mode & 0o777).toBe(0o600);
  });

  it('are deleted once staff mark them sent; other drafts keep their file', async () => {
    t = await tempCore();
    const draft = await credentialsDraft(t);
    const test = await call(t.core, 'mail.test', { to: 'me@county.example.org' });
    const testFile = (await call(t.core, 'mail.get', { id: test.mailId })).draftPath ?? '';

    expect(await call(t.core, 'mail.markSent', { id: draft.id })).toMatchObject({ status: 'sent', sentAt: '2026-11-28T15:00:00.000Z' });
    expect(existsSync(draft.file)).toBe(false);
    await call(t.core, 'mail.markSent', { id: test.mailId });
    expect(existsSync(testFile)).toBe(true);
    await expect(call(t.core, 'mail.markSent', { id: draft.id })).rejects.toMatchObject({ code: 'conflict', message: expect.stringContaining('already marked as sent') });
  });

  it('are deleted by the sender 7 days after they were saved, and the outbox says why', async () => {
    t = await tempCore();
    const draft = await credentialsDraft(t);
    t.clock.set('2026-12-05T14:00:00.000Z');
    await call(t.core, 'mail.sendDue', { force: false });
    expect(existsSync(draft.file)).toBe(true);

    t.clock.set('2026-12-05T15:00:01.000Z');
    await call(t.core, 'mail.sendDue', { force: false });
    expect(existsSync(draft.file)).toBe(false);
    expect(await call(t.core, 'mail.get', { id: draft.id })).toMatchObject({ status: 'drafted', lastError: DRAFT_EXPIRED });
    await expect(call(t.core, 'mail.draft', { id: draft.id })).rejects.toMatchObject({ message: DRAFT_EXPIRED });
  });

  it('are deleted when the app starts after the 7 days, even with sending paused', async () => {
    t = await tempCore();
    const draft = await credentialsDraft(t);
    await call(t.core, 'mail.pause', {});
    await t.core.close();
    const later = await createCore({ dataDir: t.dataDir, clock: fixedClock('2026-12-20T09:00:00.000Z'), operator: 'test.operator', emit: () => {} });
    try {
      expect(existsSync(draft.file)).toBe(false);
      expect(await later.handlers['mail.get']({ id: draft.id })).toMatchObject({ lastError: DRAFT_EXPIRED });
    } finally {
      await later.close();
      rmSync(t.dataDir, { recursive: true, force: true });
      t = null;
    }
  });
});
