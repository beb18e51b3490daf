import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { expectOneWinner, race } from '../../test-support/race';
import { tempCore, type TempCore } from '../../test-support/temp-core';
import { invoke } from '../test-support/mail-test-kit';

let t: TempCore;
beforeEach(async () => {
  t = await tempCore();
});
afterEach(() => t.dispose());

const SAME_BASE = /^Someone else changed the "Document rejected" template while you were editing it\. Reload to see their change, then make yours again\.$/;

describe('two template saves from the same base', () => {
  it('keeps one save and refuses the other with a sentence', async () => {
    const loaded = await invoke(t.core, 'mail.templates.get', { key: 'document_rejected' });
    const save = (subject: string) => () => invoke(t.core, 'mail.templates.save', { key: loaded.key, expectedUpdatedAt: loaded.updatedAt, subject, text: loaded.text, html: loaded.html });
    const winner = expectOneWinner(await race(save('Please resend your form'), save('Your form needs a fix')), SAME_BASE);
    const stored = await invoke(t.core, 'mail.templates.get', { key: 'document_rejected' });
    expect(stored.subject).toBe(winner.subject);
    expect(stored.updatedAt).not.toBe(loaded.updatedAt);
  });

  it('keeps either a reset or a save made at the same moment from the same base, never both', async () => {
    const loaded = await invoke(t.core, 'mail.templates.get', { key: 'document_rejected' });
    const customized = await invoke(t.core, 'mail.templates.save', { key: loaded.key, expectedUpdatedAt: loaded.updatedAt, subject: 'Please resend your form', text: loaded.text, html: loaded.html });
    const outcome = await race(
      () => invoke(t.core, 'mail.templates.save', { key: loaded.key, expectedUpdatedAt: customized.updatedAt, subject: 'Your form needs a fix', text: loaded.text, html: loaded.html }),
      () => invoke(t.core, 'mail.templates.reset', { key: loaded.key, expectedUpdatedAt: customized.updatedAt }),
    );
    const winner = expectOneWinner(outcome, SAME_BASE);
    expect(await invoke(t.core, 'mail.templates.get', { key: 'document_rejected' })).toMatchObject({ subject: winner.subject, customized: winner.customized });
  });

  it('also refuses the second of two saves that sent no base (the command line)', async () => {
    const loaded = await invoke(t.core, 'mail.templates.get', { key: 'document_rejected' });
    const save = (subject: string) => () => invoke(t.core, 'mail.templates.save', { key: loaded.key, subject, text: loaded.text, html: loaded.html });
    expectOneWinner(await race(save('Please resend your form'), save('Your form needs a fix')), SAME_BASE);
  });
});
