/**
 * A small RFC 5545 reader for the tests: unfolds lines, reads each VEVENT's properties and
 * unescapes text, so a test checks what Outlook would read rather than matching raw lines.
 */
export interface IcsEvent {
  uid: string;
  /** `YYYY-MM-DD` for an all-day event (`DTSTART;VALUE=DATE`), else the raw value. */
  start: string;
  allDay: boolean;
  summary: string;
  description: string;
}

const unescape = (text: string) => text.replace(/\\([\\;,nN])/g, (_, c: string) => (c === 'n' || c === 'N' ? '\n' : c));

export function parseIcs(text: string): IcsEvent[] {
  if (!text.startsWith('BEGIN:VCALENDAR')) throw new Error('not an iCalendar file');
  const lines = text.replace(/\r\n[ \t]/g, '').split(/\r\n/);
  if (!lines.every((l) => l === '' || /^[A-Z-]+[;:]/.test(l))) throw new Error('a line is not a property (folding or line ends are wrong)');
  const events: IcsEvent[] = [];
  let current: Record<string, { params: string; value: string }> | null = null;
  for (const line of lines) {
    if (line === 'BEGIN:VEVENT') current = {};
    else if (line === 'END:VEVENT' && current) {
      const start = current.DTSTART;
      if (!start) throw new Error('an event has no DTSTART');
      const allDay = start.params.includes('VALUE=DATE');
      events.push({
        uid: current.UID?.value ?? '',
        start: allDay ? `${start.value.slice(0, 4)}-${start.value.slice(4, 6)}-${start.value.slice(6, 8)}` : start.value,
        allDay,
        summary: unescape(current.SUMMARY?.value ?? ''),
        description: unescape(current.DESCRIPTION?.value ?? ''),
      });
      current = null;
    } else if (current) {
      const m = /^([A-Z-]+)((?:;[^:]*)?):(.*)$/.exec(line);
      if (m) current[m[1] as string] = { params: m[2] ?? '', value: m[3] ?? '' };
    }
  }
  return events;
}
