import { describe, expect, it } from 'vitest';
import { question } from '../../../../shared/domain/quiz';
import { parseAnswer, splitChoices } from './parse-answer';
import { classifyColumns, matchQuestions } from './response-columns';

const OPTIONS = ['Whenever you step away from your desk, even briefly', 'Only when you leave for the day', 'Before anyone else uses your computer'];

describe('splitChoices', () => {
  it('recognises options that contain commas, joined by ", " (Google) or ";" (Microsoft)', () => {
    expect(splitChoices('Whenever you step away from your desk, even briefly, Before anyone else uses your computer', OPTIONS)).toEqual({ choices: [0, 2], unknown: [] });
    expect(splitChoices('Before anyone else uses your computer;Whenever you step away from your desk, even briefly;', OPTIONS)).toEqual({ choices: [2, 0], unknown: [] });
  });

  it('keeps what no option explains, so it counts against the answer', () => {
    expect(splitChoices('only when you leave for the day, When my boss says so', OPTIONS)).toEqual({ choices: [1], unknown: ['when my boss says so'] });
  });
});

describe('parseAnswer', () => {
  const tf = question.parse({ id: 'q', type: 'true_false', text: 'T?', correct: [0] });
  const single = question.parse({ id: 's', type: 'single', text: 'S?', options: ["The CoC's policy", 'Nobody'], correct: [0] });
  it('reads true/false in the words forms use', () => {
    expect(parseAnswer(tf, 'TRUE')).toEqual({ choices: [0] });
    expect(parseAnswer(tf, ' no ')).toEqual({ choices: [1] });
    expect(parseAnswer(tf, '')).toBeUndefined();
  });
  it('matches a single choice despite curly quotes and case', () => {
    expect(parseAnswer(single, 'the CoC’s POLICY')).toEqual({ choices: [0] });
    expect(parseAnswer(single, 'Somebody')).toEqual({ choices: [], text: 'Somebody' });
  });
});

describe('columns', () => {
  it('tells Google Forms from Microsoft Forms and leaves out what is not a question', () => {
    const google = classifyColumns(['Timestamp', 'Email Address', 'Score', 'Q one?', 'Q one? [Score]'], 'csv');
    expect(google).toMatchObject({ format: 'google_forms', email: 1, date: 0, questions: new Map([[3, 'Q one?']]) });
    const microsoft = classifyColumns(['ID', 'Start time', 'Completion time', 'Email', 'Name', 'Total points', 'Quiz feedback', 'Q one?', 'Points - Q one?', 'Feedback - Q one?'], 'xlsx');
    expect(microsoft).toMatchObject({ format: 'microsoft_forms', email: 3, date: 2, name: 4, responseId: 0, questions: new Map([[7, 'Q one?']]) });
    expect(classifyColumns(['Timestamp', 'Q'], 'csv')).toHaveProperty('problem');
  });

  it('matches headers to questions by text, ignoring case and punctuation, and by containment when only one fits', () => {
    const questions = [
      question.parse({ id: 'a', type: 'true_false', text: 'You may write your password on a sticky note.', correct: [1] }),
      question.parse({ id: 'b', type: 'true_false', text: 'Lock your screen when you step away.', correct: [0] }),
    ];
    const headers = new Map([
      [3, 'YOU MAY WRITE YOUR PASSWORD ON A STICKY-NOTE'],
      [4, '2. Lock your screen when you step away'],
      [5, 'Comments'],
    ]);
    expect(matchQuestions(headers, questions)).toEqual(new Map([[3, 'a'], [4, 'b']]));
  });
});
