import type { Migration } from '../migration';
import { migration001 } from './001-initial';
import { migration002 } from './002-mail';
import { migration003 } from './003-intake';

export const MIGRATIONS: readonly Migration[] = [migration001, migration002, migration003];
