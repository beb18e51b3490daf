const rules = new Intl.PluralRules('en-US');

/** A count with its noun in the right form: `plural(1, 'person', 'people')` → "1 person", 3 → "3 people". */
export function plural(count: number, one: string, other: string): string {
  return `${count.toLocaleString('en-US')} ${rules.select(count) === 'one' ? one : other}`;
}
