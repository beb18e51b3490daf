import { plural } from '../../../shared/plural';

/** What a paged list puts on paper: "All 12 messages" or "Messages 51–100 of 240" (the page on screen). */
export function rangeWords(offset: number, shown: number, total: number, one: string, many: string): string {
  if (total === 0) return `No ${many}`;
  if (offset === 0 && shown >= total) return total === 1 ? `1 ${one}` : `All ${plural(total, one, many)}`;
  const word = many.charAt(0).toUpperCase() + many.slice(1);
  return `${word} ${(offset + 1).toLocaleString('en-US')}–${(offset + shown).toLocaleString('en-US')} of ${total.toLocaleString('en-US')} (the page on screen)`;
}
