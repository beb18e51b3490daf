import { useCall } from '../../api/use-call';
import { useAppInfo } from '../app/use-app-info';
import { formatDate } from '../people/format';

const timeFormat = new Intl.DateTimeFormat('en-US', { timeStyle: 'short' });

export interface PrintContext {
  office: string;
  operator: string;
  /** "Nov 28, 2026, 3:05 PM": the core's today (the date the data was worked out for) and the clock's time. */
  generated: string;
}

/** Who prints, for which office, when: the header every printout carries. */
export function usePrintContext(): PrintContext {
  const info = useAppInfo().data;
  const settings = useCall('mail.settings.get', {}).data;
  const date = info ? formatDate(info.today) : '';
  return {
    office: settings?.officeName?.trim() || 'HMIS office (set its name in Settings → Office)',
    operator: info?.operator ?? '',
    generated: [date, timeFormat.format(new Date())].filter(Boolean).join(', '),
  };
}
