import BetterSqlite3 from 'better-sqlite3';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CallName, Input } from '../../../shared/contract';
import { csvFile, invoke, officeWithMaria } from '../intake/intake-test-support';
import { createCore } from '../create-core';
import { tempCore, type TempCore } from '../test-support/temp-core';
import { defaultTemplate } from './templates/template-defaults';

let t: TempCore;
beforeEach(async () => {
  t = await tempCore();
});
afterEach(() => t.dispose());

const call = <K extends CallName>(name: K, input: Input<K>) => invoke(t.core, name, input);

async function previewFor(personId: number) {
  const template = await call('mail.templates.get', { key: 'training_links' });
  return call('mail.templates.preview', { key: 'training_links', personId, subject: template.subject, text: template.text, html: template.html });
}

describe('"Last, First" names', () => {
  it('are split at import: a "Lee, Dana" full name or first name becomes Dana Lee', async () => {
    await officeWithMaria(t.core);
    const csv = 'Full Name,Email,Agency,Access Level\n"Lee, Dana",dana@x.org,River City Outreach,Read Only\n';
    await call('intake.import', csvFile('full.csv', csv));
    const csv2 = 'First Name,Last Name,Email,Agency,Access Level\n"Park, Sam",,sam@x.org,River City Outreach,Read Only\n';
    await call('intake.import', csvFile('first.csv', csv2));
    const people = await call('people.list', {});
    const names = people.items.map((p) => [p.firstName, p.lastName]);
    expect(names).toContainEqual(['Dana', 'Lee']);
    expect(names).toContainEqual(['Sam', 'Park']);
  });

  it('already stored as the first name are greeted by the first name and addressed in order', async () => {
    const { river, level } = await officeWithMaria(t.core);
    const dana = await call('people.create', { firstName: 'Lee, Dana', lastName: 'Lee', email: 'dana@x.org', agencyId: river.id, accessLevelId: level('Read Only').id, requestType: 'new_user' });
    const preview = await previewFor(dana.id);
    expect(preview.text).toMatch(/^Hello Dana,/);
  });
});

describe('the office signature', () => {
  it('ends every email, also a template edited to leave it out', async () => {
    await call('mail.settings.save', { officeName: 'Sacramento County HMIS Office', signature: 'HMIS Team\nSacramento County' });
    const template = await call('mail.templates.get', { key: 'test_message' });
    await call('mail.templates.save', { key: 'test_message', subject: template.subject, text: 'Just a test.\n', html: '<p>Just a test.</p>\n', expectedUpdatedAt: template.updatedAt });
    const sent = await call('mail.test', { to: 'me@county.example.org' });
    const mail = await call('mail.get', { id: sent.mailId });
    expect(mail.text).toBe('Just a test.\n\nHMIS Team\nSacramento County\n');
    expect(mail.html).toContain('<p style="white-space: pre-line">HMIS Team\nSacramento County</p>');
  });

  it('falls back to the office name while no signature is set, never to nothing', async () => {
    await call('mail.settings.save', { officeName: 'Sacramento County HMIS Office' });
    const sent = await call('mail.test', { to: 'me@county.example.org' });
    expect((await call('mail.get', { id: sent.mailId })).text.trimEnd()).toMatch(/\nSacramento County HMIS Office$/);
  });
});

describe('shipped template wording', () => {
  it('reaches templates the office never edited when the app starts, and leaves edited ones alone', async () => {
    const edited = await call('mail.templates.get', { key: 'test_message' });
    await call('mail.templates.save', { key: 'test_message', subject: edited.subject, text: 'Ours.\n', html: '<p>Ours.</p>\n', expectedUpdatedAt: edited.updatedAt });
    await t.core.close();
    const db = new BetterSqlite3(path.join(t.dataDir, 'hmis.sqlite'));
    db.prepare("UPDATE mail_templates SET text_body = 'Old wording: Your HMIS access request stays open.' WHERE key = 'document_rejected'").run();
    db.close();
    const again = await createCore({ dataDir: t.dataDir, clock: t.clock, operator: 'test.operator', emit: () => {} });
    t = { ...t, core: again };
    expect((await call('mail.templates.get', { key: 'document_rejected' })).text).toBe(defaultTemplate('document_rejected').text);
    expect((await call('mail.templates.get', { key: 'test_message' })).text).toBe('Ours.\n');
  });
});

describe('the template preview and Settings → Office', () => {
  async function credentialsPreview() {
    const template = await call('mail.templates.get', { key: 'credentials' });
    return call('mail.templates.preview', { key: 'credentials', subject: template.subject, text: template.text, html: template.html });
  }

  it('shows the office values as they are, and lists what is empty instead of making it up', async () => {
    const empty = await credentialsPreview();
    expect(empty.text).toContain('Log in at: \n');
    expect(empty.text).not.toContain('hmis.example.org');
    expect(empty.missing).toEqual([
      'The signature is empty, so messages end with the office name only. Set it in Settings → Office.',
      'The HMIS login address is empty: credentials cannot be issued until it is set in Settings → Office.',
    ]);
    expect(empty.problems).toEqual([]);

    await call('mail.settings.save', { officeName: 'Sacramento County HMIS Office', signature: 'HMIS Team' });
    await call('training.settings.save', { loginUrl: 'https://hmis.county.example.org/login' });
    const filled = await credentialsPreview();
    expect(filled.text).toContain('Log in at: https://hmis.county.example.org/login');
    expect(filled.text.trimEnd()).toMatch(/\nHMIS Team$/);
    expect(filled.missing).toEqual([]);
  });
});
