import { z } from 'zod';
import { id, paged } from '../domain/common';
import {
  catalog,
  credential,
  issueCredentialsInput,
  issueCredentialsOutput,
  levelSaveInput,
  materialSaveInput,
  queueInput,
  queueRow,
  sendTrainingInput,
  sendTrainingOutput,
  trainingPlan,
  trainingSend,
  trainingSettingsInput,
} from '../domain/quiz-training';
import { noInput } from './app';
import { call } from './define';

export const trainingCalls = {
  /** Access levels with their training sets and quizzes, the materials, and every training set named. */
  'training.catalog': call({ input: noInput, output: catalog }),
  /** Adds or edits an access level: name, includes assessments, training sets, quiz per kind. */
  'training.levels.save': call({ input: levelSaveInput, output: catalog }),
  /** The HMIS login address the credentials email names. */
  'training.settings.save': call({ input: trainingSettingsInput, output: catalog }),
  /** Adds or edits a training material (a link, an attached file, or both). */
  'training.materials.save': call({ input: materialSaveInput, output: catalog }),
  /** What each person's training email would hold (an upgrade: only what the new level adds), or why it cannot go. */
  'training.preview': call({ input: sendTrainingInput, output: z.array(trainingPlan) }),
  /** Queues the training email for each person and records the date; people who cannot be sent it are listed. */
  'training.send': call({ input: sendTrainingInput, output: sendTrainingOutput }),
  /** Training emails sent to a person, newest first. */
  'training.history': call({ input: z.object({ personId: id }), output: z.array(trainingSend) }),
  /** "Training to send", "Quizzes to grade", "Credentials to issue": people in that stage, oldest waiting first. */
  'training.queue': call({ input: queueInput, output: paged(queueRow) }),
};

export const credentialCalls = {
  /**
   * Records the HMIS user name made for a person who passed, sets the certification date (the pass
   * date) and emails a fresh temporary password, which is returned once here and stored nowhere.
   */
  'credentials.issue': call({ input: issueCredentialsInput, output: issueCredentialsOutput }),
  /** Credentials issued to a person, newest first (never a password). */
  'credentials.list': call({ input: z.object({ personId: id }), output: z.array(credential) }),
};
