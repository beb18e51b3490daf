import { describe, expect, it } from 'vitest';
import { formatDate } from '../people/format';
import { deactivationWhy, heldSentence, offsetWords, remindSummary } from './reminder-words';

const task = { personId: 1, name: 'Ngozi Okafor', agencyName: 'Delta', hmisUserName: 'nokafor', email: 'n@d.org', supervisorName: null, supervisorEmail: null, since: '2026-10-16', requestNote: null, requestedBy: null };

describe('recertification words', () => {
  it('names each reminder by its distance from the due date', () => {
    expect([-30, -1, 0, 7, 14].map(offsetWords)).toEqual(['30 days before', '1 day before', 'On the due date', '7 days overdue', '14 days overdue']);
  });

  it('says which levels hold reminders back for want of a quiz link, busiest first', () => {
    expect(heldSentence([{ accessLevelName: 'Read Only' }])).toBe('1 reminder is held, not sent: the access level “Read Only” (1) has no recertification quiz with a link. Choose one in Training catalog; the next run sends them.');
    const held = ['Read Only', 'Intake', 'Read Only', 'Agency Admin'].map((accessLevelName) => ({ accessLevelName }));
    expect(heldSentence(held)).toBe('4 reminders are held, not sent: the access levels “Read Only” (2), “Agency Admin” (1) and “Intake” (1) have no recertification quiz with a link. Choose one in Training catalog; the next run sends them.');
  });

  it('sums up a run soonest schedule first, reminders and overdue notices by name', () => {
    const items = [7, -30, -30, 0, 14].map((offsetDays) => ({ offsetDays, kind: offsetDays > 0 ? ('overdue' as const) : ('reminder' as const) }));
    expect(remindSummary(items)).toBe('2 reminders (30 days before), 1 reminder (on the due date), 1 overdue notice (7 days overdue), 1 overdue notice (14 days overdue)');
  });

  it('says why someone waits for deactivation: lapsed, requested by someone with a note, or with the registration', () => {
    expect(deactivationWhy({ ...task, reason: 'lapsed' }, formatDate)).toEqual({ headline: 'since Oct 16, 2026', detail: null });
    expect(deactivationWhy({ ...task, reason: 'requested', requestedBy: 'j.rivera', requestNote: 'Left the agency' }, formatDate)).toEqual({ headline: 'by j.rivera on Oct 16, 2026', detail: 'Left the agency' });
    expect(deactivationWhy({ ...task, reason: 'requested' }, formatDate)).toEqual({ headline: 'on Oct 16, 2026', detail: 'Asked for on the registration.' });
  });
});
