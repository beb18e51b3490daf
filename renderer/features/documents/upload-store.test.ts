import { beforeEach, describe, expect, it } from 'vitest';
import type { CallName } from '../../../shared/contract';
import type { DocumentRecord, Recognition } from '../../../shared/domain/document';
import { createClient, setApi } from '../../api/client';
import { useUploadStore } from './upload-store';

const calls: { call: CallName; input: Record<string, unknown> }[] = [];
const recognition = (personId: number | null): Recognition => ({
  kind: 'end_user_agreement',
  pageCount: 2,
  hasText: true,
  values: { userName: 'Ngozi Okafor', userEmail: null, supervisorName: null, supervisorEmail: null, agency: null, accessLevel: null },
  candidates: personId ? [{ personId, name: 'Ngozi Okafor', email: 'n@x.org', agencyName: 'Delta', confidence: 0.97, reason: 'email' }] : [],
  findings: [],
});
const doc = { id: 9, personId: 4, kind: 'end_user_agreement', status: 'in_review', findings: [] } as unknown as DocumentRecord;
const file = (name: string, text = '%PDF-1.7') => new File([text], name, { type: 'application/pdf' });

beforeEach(() => {
  calls.length = 0;
  setApi(
    createClient({
      async invoke(call, input) {
        const args = input as Record<string, unknown>;
        calls.push({ call, input: args });
        if (call === 'documents.read') return { ok: true, value: recognition(args.fileName === 'known.pdf' ? 4 : null) };
        if (call === 'documents.attach' && args.fileName === 'scan.pdf' && !args.kind) {
          return { ok: false, error: { code: 'invalid', message: 'Choose whether this is a Staff Verification or an End User Agreement.', fields: [{ field: 'kind', message: 'Choose.' }] } };
        }
        if (call === 'documents.attach' && args.fileName === 'notes.pdf') return { ok: false, error: { code: 'invalid', message: 'This file is not a PDF, whatever its name says.' } };
        if (call === 'documents.attach' && args.fileName === 'maria.pdf' && !args.confirmPerson) {
          return { ok: true, value: { document: null, recognition: recognition(7), mismatch: { personId: 7, name: 'Maria Delgado', email: 'maria@x.org', agencyName: 'Delta', confidence: 0.97, reason: 'email' } } };
        }
        if (call === 'documents.attach') return { ok: true, value: { document: doc, recognition: recognition(4) } };
        if (call === 'documents.attachMessage' && args.fileName === 'photos.msg') return { ok: false, error: { code: 'invalid', message: 'The email holds no PDF: it holds 3 images — ask for the signed PDFs.' } };
        if (call === 'documents.attachMessage') {
          const envelope = { from: { address: 'james@x.org', name: 'James Nguyen' }, to: [], sentAt: null, subject: 'Forms' };
          const parts = [
            { index: 0, fileName: 'sv.pdf', document: doc, recognition: recognition(4), error: null },
            { index: 1, fileName: 'notes.pdf', document: null, recognition: null, error: { code: 'invalid', message: 'This file is not a PDF, whatever its name says.' } },
          ];
          return { ok: true, value: { envelope, message: null, notes: ['“a.zip” is a ZIP archive and was not opened.'], parts: args.part === undefined ? parts : parts.filter((p) => p.index === args.part) } };
        }
        return { ok: false, error: { code: 'not_found', message: `unexpected ${call}` } };
      },
      on: () => () => {},
    }),
  );
  useUploadStore.setState({ mode: null, personId: null, items: [], running: false, current: 0 });
});

describe('upload store', () => {
  it('turns a dropped email message into one row per PDF, with its sender, and refuses one with none', async () => {
    await useUploadStore.getState().attachTo(4, [new File(['x'], 'Forms.eml'), new File(['y'], 'photos.msg')]);
    expect(calls.map((c) => [c.call, c.input.fileName, c.input.personId])).toEqual([
      ['documents.attachMessage', 'Forms.eml', 4],
      ['documents.attachMessage', 'photos.msg', 4],
    ]);
    expect(useUploadStore.getState().items.map((i) => [i.label, i.status, i.message, i.note])).toEqual([
      ['Forms.eml › sv.pdf', 'attached', null, 'From James Nguyen <james@x.org>: “Forms” · “a.zip” is a ZIP archive and was not opened.'],
      ['Forms.eml › notes.pdf', 'refused', 'This file is not a PDF, whatever its name says.', null],
      ['photos.msg', 'refused', 'The email holds no PDF: it holds 3 images — ask for the signed PDFs.', null],
    ]);
  });

  it('attaches a batch to a person one file after another, with a result per file', async () => {
    await useUploadStore.getState().attachTo(4, [file('a.pdf'), file('notes.pdf'), file('scan.pdf')]);
    expect(calls.map((c) => [c.call, c.input.fileName, c.input.personId])).toEqual([
      ['documents.attach', 'a.pdf', 4],
      ['documents.attach', 'notes.pdf', 4],
      ['documents.attach', 'scan.pdf', 4],
    ]);
    expect(useUploadStore.getState().items.map((i) => i.status)).toEqual(['attached', 'refused', 'choose-kind']);
    expect(useUploadStore.getState().items[1]?.message).toBe('This file is not a PDF, whatever its name says.');
    useUploadStore.getState().choose(useUploadStore.getState().items[2]!.key, { kind: 'staff_verification' });
    await useUploadStore.getState().confirm();
    expect(calls.at(-1)?.input).toMatchObject({ fileName: 'scan.pdf', personId: 4, kind: 'staff_verification' });
    expect(useUploadStore.getState().items.map((i) => i.status)).toEqual(['attached', 'refused', 'attached']);
  });

  it('reads files dropped outside a record, suggests the person, and attaches only what staff confirm', async () => {
    await useUploadStore.getState().matchFiles([file('known.pdf'), file('unknown.pdf')]);
    const [known, unknown] = useUploadStore.getState().items;
    expect([known?.status, known?.personId, unknown?.personId]).toEqual(['choose-person', 4, null]);
    await useUploadStore.getState().confirm();
    expect(calls.filter((c) => c.call === 'documents.attach').map((c) => c.input.fileName)).toEqual(['known.pdf']);
    expect(useUploadStore.getState().items.map((i) => i.status)).toEqual(['attached', 'choose-person']);
  });

  it('asks before attaching a form that names someone else, then does what staff chose', async () => {
    await useUploadStore.getState().attachTo(4, [file('maria.pdf'), file('other.pdf'), file('third.pdf')], 'Ann O’Brien');
    const [maria] = useUploadStore.getState().items;
    expect(maria).toMatchObject({ status: 'wrong-person', named: { personId: 7, name: 'Maria Delgado' } });
    await useUploadStore.getState().resolveWrongPerson(maria!.key, 'named');
    expect(calls.at(-1)?.input).toMatchObject({ fileName: 'maria.pdf', personId: 7, confirmPerson: true });
    expect(useUploadStore.getState().items[0]?.status).toBe('attached');

    useUploadStore.setState({ mode: null, items: [] });
    await useUploadStore.getState().attachTo(4, [file('maria.pdf'), file('maria.pdf')], 'Ann O’Brien');
    const [here, none] = useUploadStore.getState().items;
    await useUploadStore.getState().resolveWrongPerson(here!.key, 'here');
    expect(calls.at(-1)?.input).toMatchObject({ fileName: 'maria.pdf', personId: 4, confirmPerson: true });
    const before = calls.length;
    await useUploadStore.getState().resolveWrongPerson(none!.key, 'none');
    expect(calls.length).toBe(before);
    expect(useUploadStore.getState().items.map((i) => i.status)).toEqual(['attached', 'refused']);
  });
});
