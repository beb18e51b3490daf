import { describe, expect, it } from 'vitest';
import { documentKind, rejectReason } from '../../../shared/domain/document';
import { requestType } from '../../../shared/domain/person';
import { fromDb, listFromDb } from './db-enums';

describe('enum columns read from the database', () => {
  it('passes a value the shared enum knows', () => {
    expect(fromDb(requestType, 'deactivation', 'people.request_type')).toBe('deactivation');
    expect(listFromDb(rejectReason, '["missing_signature"]', 'documents.reject_reasons')).toEqual(['missing_signature']);
  });

  it('refuses one it does not know with a sentence naming the column', () => {
    expect(() => fromDb(documentKind, 'w9_form', 'documents.kind')).toThrow(
      expect.objectContaining({ code: 'internal', message: expect.stringMatching(/^The database holds "w9_form" in documents\.kind, which this version of HMIS Access Desk does not know\. Update the app/) }),
    );
    expect(() => listFromDb(rejectReason, '["missing_signature","smudged"]', 'documents.reject_reasons')).toThrow(/"smudged" in documents\.reject_reasons/);
  });
});
