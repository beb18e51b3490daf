import type { Migration } from '../migration';
import { migration001 } from './001-initial';
import { migration002 } from './002-mail';
import { migration003 } from './003-intake';
import { migration004 } from './004-documents';
import { migration005 } from './005-training';
import { migration006 } from './006-stage-indexes';
import { migration007 } from './007-stored-stage';
import { migration008 } from './008-recertification';
import { migration009 } from './009-attempt-void';
import { migration011 } from './011-report-indexes';

export const MIGRATIONS: readonly Migration[] = [migration001, migration002, migration003, migration004, migration005, migration006, migration007, migration008, migration009, migration011];
