import { describe, expect, it } from 'vitest';
import { cleanEmail, parseRequestType, parseUsDate, splitFullName } from './cell-values';
import { guessColumns } from './column-guess';
import { decodeText, readCsv } from './read-table';
import { cleanCell, levelKey, textKey } from './text-keys';

describe('parseUsDate', () => {
  it.each([
    ['2026-11-03', '2026-11-03'],
    ['2026-11-03 14:22:05', '2026-11-03'],
    ['11/3/2026', '2026-11-03'],
    ['11/3/2026 14:22:05', '2026-11-03'],
    ['03/02/26', '2026-03-02'],
    ['3-2-2026', '2026-03-02'],
    ['Nov 3, 2026', '2026-11-03'],
    ['November 3 2026', '2026-11-03'],
    ['46329', '2026-11-03'],
  ])('reads %s as %s', (text, iso) => {
    expect(parseUsDate(text)).toBe(iso);
  });

  it.each(['02/30/26', '13/1/2026', 'soon', '2026-02-29', 'Foo 3, 2026'])('refuses %s', (text) => {
    expect(parseUsDate(text)).toBeNull();
  });
});

describe('names, request types, emails', () => {
  it('splits full names written either way', () => {
    expect(splitFullName('Chávez, Rosa')).toEqual({ firstName: 'Rosa', lastName: 'Chávez' });
    expect(splitFullName('Mary Ann Smith')).toEqual({ firstName: 'Mary Ann', lastName: 'Smith' });
    expect(splitFullName('Cher')).toEqual({ firstName: '', lastName: 'Cher' });
  });

  it('reads request types in the words forms use', () => {
    expect(parseRequestType('')).toBe('new_user');
    expect(parseRequestType('New User')).toBe('new_user');
    expect(parseRequestType('Upgrade of access level')).toBe('change_access');
    expect(parseRequestType('Change or upgrade of access level')).toBe('change_access');
    expect(parseRequestType('Additional Agency')).toBe('additional_agency');
    expect(parseRequestType('Deactivate user')).toBe('deactivation');
    expect(parseRequestType('additional_agency')).toBe('additional_agency');
    expect(parseRequestType('Sign me up please')).toBeUndefined();
  });

  it('drops a mailto: a hyperlink cell brings along', () => {
    expect(cleanEmail('mailto:A@b.org')).toBe('A@b.org');
  });
});

describe('text keys and cells', () => {
  it('ignores case, accents, punctuation and spacing', () => {
    expect(textKey("St. John's  Shelter")).toBe(textKey('st johns shelter'));
    expect(textKey('Chávez')).toBe('chavez');
    expect(levelKey('DSS w/ Assessments')).toBe('dss with assessments');
    expect(levelKey('DSS w/o Assessments')).toBe('dss without assessments');
    expect(levelKey('Reporting & Monitoring Only')).toBe(levelKey('reporting and monitoring only'));
  });

  it('cleans cells: spaces, no-break spaces, NFC, and the export apostrophe', () => {
    expect(cleanCell('  Mar\u00A0 ia ')).toBe('Mar ia');
    expect(cleanCell('Jose\u0301')).toBe('José');
    expect(cleanCell("'=SUM(A1)")).toBe('=SUM(A1)');
    expect(cleanCell("O'Brien")).toBe("O'Brien");
  });
});

describe('reading text files', () => {
  it('drops a BOM, keeps accents, falls back to Windows-1252', () => {
    expect(decodeText(new Uint8Array([0xef, 0xbb, 0xbf, 0x41]))).toBe('A');
    expect(decodeText(new Uint8Array([0x4d, 0xfc, 0x6c, 0x6c, 0x65, 0x72]))).toBe('Müller');
    expect(decodeText(new Uint8Array([0xff, 0xfe, 0x41, 0x00]))).toBe('A');
  });

  it('numbers rows as a spreadsheet does, across blank lines and multi-line cells', () => {
    const table = readCsv('x.csv', 'A,B\r\n1,"two\r\nlines"\r\n\r\n3,"a ""quoted"", comma"\r\n\r\n');
    expect(table.headers).toEqual(['A', 'B']);
    expect(table.rows).toEqual([
      { number: 2, cells: ['1', 'two\r\nlines'] },
      { number: 4, cells: ['3', 'a "quoted", comma'] },
    ]);
  });

  it('guesses semicolons as the separator (European Excel)', () => {
    expect(readCsv('x.csv', 'First name;Last name\nA;B\n').rows[0]?.cells).toEqual(['A', 'B']);
  });
});

describe('guessColumns', () => {
  it('maps a Google Forms header, preferring the new user email over the respondent', () => {
    const headers = ['Timestamp', 'Email Address', 'New User First Name', 'New User Last Name', 'New User Email', 'Phone Number', 'Agency Name', 'Access Level Requested', 'Request Type', 'Supervisor Name', 'Supervisor Email'];
    expect(guessColumns(headers)).toEqual(['registeredOn', null, 'firstName', 'lastName', 'email', 'phone', 'agency', 'accessLevel', 'requestType', 'supervisorName', 'supervisorEmail']);
  });

  it('maps a Microsoft Forms header, leaving the respondent columns alone', () => {
    const headers = ['ID', 'Start time', 'Completion time', 'Email', 'Name', 'New user first name', 'New user last name', 'New user email', 'Agency', 'Access level', 'Request type'];
    expect(guessColumns(headers)).toEqual([null, null, 'registeredOn', null, null, 'firstName', 'lastName', 'email', 'agency', 'accessLevel', 'requestType']);
  });

  it('maps a Jotform header with one full-name column', () => {
    const headers = ['Submission Date', 'New User Name', 'E-mail', 'Phone Number', 'Agency / Organization', 'Access Level Requested', 'Type of Request', 'Supervisor Name', 'Supervisor E-mail', 'Notes', 'Submission ID'];
    expect(guessColumns(headers)).toEqual(['registeredOn', 'fullName', 'email', 'phone', 'agency', 'accessLevel', 'requestType', 'supervisorName', 'supervisorEmail', 'notes', null]);
  });

  it('finds nothing in columns that are not registrations', () => {
    expect(guessColumns(['Product', 'Price', 'Quantity'])).toEqual([null, null, null]);
  });
});
