import { describe, expect, it } from 'vitest';
import { orderedName } from './person-name';

describe('orderedName', () => {
  it('reorders "Last, First" in the first-name field', () => {
    expect(orderedName('Lee, Dana', '')).toEqual({ firstName: 'Dana', lastName: 'Lee' });
    expect(orderedName('Lee, Dana', 'Lee')).toEqual({ firstName: 'Dana', lastName: 'Lee' });
    expect(orderedName('', "O'Brien, Ann")).toEqual({ firstName: 'Ann', lastName: "O'Brien" });
  });

  it('takes the part after the comma as the first name when the last name is another one', () => {
    expect(orderedName('Lee, Dana', 'Park')).toEqual({ firstName: 'Dana', lastName: 'Park' });
  });

  it('leaves names without a comma alone, and drops a stray trailing comma', () => {
    expect(orderedName('Mary Ann', 'Delgado')).toEqual({ firstName: 'Mary Ann', lastName: 'Delgado' });
    expect(orderedName('Dana,', 'Lee')).toEqual({ firstName: 'Dana', lastName: 'Lee' });
  });
});
