import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../../../../shared/app-error';
import { MAIL_TEMPLATE_KEYS, sampleDataFor } from '../../../../shared/domain/mail-templates';
import { tempCore, type TempCore } from '../../test-support/temp-core';
import { addPerson } from '../test-support/mail-test-kit';
import { checkTemplate } from './template-check';
import { defaultTemplate } from './template-defaults';
import { renderTemplate, templateProblems } from './template-render';

describe('template rendering', () => {
  const data = { ...sampleDataFor('document_rejected'), person: { ...sampleDataFor('document_rejected').person, firstName: '<b>Maria</b>', lastName: "O'Brien & Sons" } };
  const content = { subject: 'For {{person.firstName}} {{person.lastName}}', text: 'Hello {{person.firstName}} {{person.lastName}}', html: '<p>Hello {{person.firstName}} {{person.lastName}}</p>' };

  it('escapes HTML in names in the HTML part, and only there', () => {
    const out = renderTemplate(content, data);
    expect(out.html).toBe('<p>Hello &lt;b&gt;Maria&lt;/b&gt; O&#x27;Brien &amp; Sons</p>');
    expect(out.text).toBe("Hello <b>Maria</b> O'Brien & Sons");
    expect(out.subject).toBe("For <b>Maria</b> O'Brien & Sons");
  });

  it('keeps a subject on one line whatever the data holds', () => {
    const out = renderTemplate({ ...content, subject: 'Re: {{reason}}' }, { ...data, reason: 'line one\r\nBcc: someone@example.org' });
    expect(out.subject).toBe('Re: line one Bcc: someone@example.org');
  });

  it('formats dates for people with the date helper', () => {
    expect(renderTemplate({ ...content, text: 'Due {{date dueDate}}' }, { dueDate: '2026-04-15' }).text).toBe('Due April 15, 2026');
  });

  it('ships defaults that use only known placeholders and render with sample data', () => {
    for (const key of MAIL_TEMPLATE_KEYS) {
      const template = defaultTemplate(key);
      expect(templateProblems(template, sampleDataFor(key)), key).toEqual([]);
      const out = renderTemplate(template, sampleDataFor(key));
      expect(out.subject.length, key).toBeGreaterThan(5);
      expect(out.text, key).not.toMatch(/\{\{|\}\}/);
    }
    expect(renderTemplate(defaultTemplate('quiz_result'), sampleDataFor('quiz_result')).text).toContain('Correct answer: Only users the client consented to share with');
  });
});

describe('placeholder check', () => {
  const sample = sampleDataFor('training_links');

  it('flags an unknown placeholder with its line', () => {
    expect(checkTemplate('Hello\n{{person.fristName}}', sample, { html: false })).toEqual(['Line 2: {{person.fristName}} is not a known placeholder here.']);
  });

  it('accepts list items inside each, and @index there only', () => {
    expect(checkTemplate('{{#each materials}}{{@index}} {{title}} {{../person.firstName}}{{/each}}', sample, { html: false })).toEqual([]);
    expect(checkTemplate('{{@index}}', sample, { html: false })[0]).toMatch(/only be used inside \{\{#each\}\}/);
    expect(checkTemplate('{{materials.title}}', sample, { html: false })[0]).toMatch(/materials is a list; write \{\{#each materials\}\}/);
    expect(checkTemplate('{{#each materials}}{{price}}{{/each}}', sample, { html: false })[0]).toMatch(/\{\{price\}\} is not a known placeholder/);
  });

  it('refuses raw HTML output in the HTML part, unknown helpers, partials and broken syntax', () => {
    expect(checkTemplate('{{{person.firstName}}}', sample, { html: true })[0]).toMatch(/cannot add HTML/);
    expect(checkTemplate('{{{person.firstName}}}', sample, { html: false })).toEqual([]);
    expect(checkTemplate('{{lookup person "firstName"}}', sample, { html: false })[0]).toMatch(/"lookup" is not a helper/);
    expect(checkTemplate('{{> header}}', sample, { html: false })[0]).toMatch(/partials/);
    expect(checkTemplate('{{#if person.firstName}}open', sample, { html: false })[0]).toMatch(/cannot be read/);
  });
});

describe('templates through the core', () => {
  let t: TempCore;
  beforeEach(async () => {
    t = await tempCore();
  });
  afterEach(() => t.dispose());

  it('seeds every default, refuses unknown placeholders before saving, and resets', async () => {
    const h = t.core.handlers;
    expect((await h['mail.templates.list']({})).map((x) => x.key).sort()).toEqual([...MAIL_TEMPLATE_KEYS].sort());
    const original = await h['mail.templates.get']({ key: 'retake_request' });
    expect(original.placeholders).toContain('quiz.passMark');

    const bad = h['mail.templates.save']({ key: 'retake_request', subject: 'Retake {{quiz.titel}}', text: original.text, html: original.html });
    await expect(bad).rejects.toMatchObject({ code: 'invalid', fields: [{ field: 'subject', message: 'Line 1: {{quiz.titel}} is not a known placeholder here.' }] });
    expect((await h['mail.templates.get']({ key: 'retake_request' })).subject).toBe(original.subject);

    const saved = await h['mail.templates.save']({ key: 'retake_request', subject: 'Please retake {{quiz.title}} soon', text: original.text, html: original.html });
    expect(saved).toMatchObject({ customized: true, subject: 'Please retake {{quiz.title}} soon' });
    const reset = await h['mail.templates.reset']({ key: 'retake_request' });
    expect(reset).toMatchObject({ customized: false, subject: original.subject });
  });

  it('previews unsaved text on a chosen person, listing problems instead of refusing', async () => {
    const person = await addPerson(t.core, { firstName: 'Zoë', lastName: '<Smith>', email: 'zoe@rivercity.example.org' });
    const preview = await t.core.handlers['mail.templates.preview']({ key: 'credentials', personId: person.id, subject: 'Login for {{person.fullName}}', text: '{{credentials.username}} {{nope}}', html: '<p>{{person.lastName}}</p>' });
    expect(preview.subject).toBe('Login for Zoë <Smith>');
    // The preview is the message as sent: the office signature is added where the text leaves it out.
    expect(preview.html).toBe('<p>&lt;Smith&gt;</p>\n<p style="white-space: pre-line">HMIS Office</p>\n');
    expect(preview.text).toBe('mobrien \n\nHMIS Office\n');
    expect(preview.problems).toEqual([{ field: 'text', message: 'Line 1: {{nope}} is not a known placeholder here.' }]);
  });

  it('is an AppError a person can act on', async () => {
    const error = await t.core.handlers['mail.templates.save']({ key: 'credentials', subject: '{{#each person}}x{{/each}}', text: 'x', html: 'x' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).message).toMatch(/^The template was not saved: Line 1: \{\{#each\}\} needs a list/);
  });
});
