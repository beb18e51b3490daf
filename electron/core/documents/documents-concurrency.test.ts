import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { expectOneWinner, race } from '../test-support/race';
import { tempCore, type TempCore } from '../test-support/temp-core';
import { arrangePerson, form } from './test-support/document-fixtures';

let t: TempCore;
beforeEach(async () => {
  t = await tempCore({ documents: { pool: { size: 1 } } });
});
afterEach(() => t.dispose());

describe('two decisions on one document at the same time', () => {
  it('records one decision, refuses the other with what happened, and sends at most one rejection', async () => {
    const person = await arrangePerson(t.core);
    const bytes = await form(person, { kind: 'end_user_agreement' });
    const doc = (await t.core.handlers['documents.attach']({ personId: person.id, fileName: 'agreement.pdf', bytes })).document!;
    const outcome = await race(
      () => t.core.handlers['documents.review']({ id: doc.id, decision: 'accept' }),
      () => t.core.handlers['documents.review']({ id: doc.id, decision: 'reject', reasons: ['missing_signature'] }),
    );
    const winner = expectOneWinner(outcome, /^This HMIS End User Agreement is no longer awaiting review: (accepted|rejected) on November 28, 2026 by test\.operator\. Reload to see it\.$/);
    expect((await t.core.handlers['documents.get']({ id: doc.id })).status).toBe(winner.status);
    const mail = await t.core.handlers['mail.list']({ offset: 0, limit: 10 });
    expect(mail.items.filter((m) => m.template === 'document_rejected')).toHaveLength(winner.status === 'rejected' ? 1 : 0);
    const history = await t.core.handlers['people.history']({ id: person.id });
    expect(history.filter((h) => h.action === 'document.accepted' || h.action === 'document.rejected')).toHaveLength(1);
  });
});

describe('two saves of the document limits at the same time', () => {
  it('keeps one and refuses the other instead of putting back the field it did not change', async () => {
    const outcome = await race(
      () => t.core.handlers['documents.settings.save']({ maxMegabytes: 10 }),
      () => t.core.handlers['documents.settings.save']({ maxPages: 50 }),
    );
    const winner = expectOneWinner(outcome, /^Someone else changed the document limits while you were editing them\. Reload/);
    expect(await t.core.handlers['documents.settings.get']({})).toEqual(winner);
  });
});
