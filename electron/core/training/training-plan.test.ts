import { describe, expect, it } from 'vitest';
import type { LevelTraining, Material } from '../../../shared/domain/quiz-training';
import type { Quiz } from '../../../shared/domain/quiz';
import { planTraining, requiredSets } from './training-plan';

const level = (id: number, name: string, trainingSets: string[], includesAssessments: boolean, newUser: number | null = 1): LevelTraining => ({
  id, name, trainingSets, includesAssessments, quizzes: { new_user: newUser, recertification: 2, assessment: includesAssessments ? 3 : null }, sortOrder: id, people: 0, version: `v${id}`,
});
const material = (id: number, trainingSet: string, minutes = 10): Material => ({ id, trainingSet, title: `${trainingSet} ${id}`, kind: 'video', url: `https://x.example.org/${id}`, file: null, minutes, sortOrder: id, retired: false, updatedAt: '2026-11-28T15:00:00.000Z' });
const quiz = (id: number, kind: Quiz['kind']) => ({ id, title: `Quiz ${id}`, kind, url: null, directions: '', archived: false }) as Quiz;

const levels = [level(1, 'Read Only', ['New User'], false), level(2, 'Assessor Only', ['New User'], true), level(3, 'Reports Only', ['Reports'], false), level(4, 'Broken', ['Reports'], false, null)];
const catalog = {
  levels: new Map(levels.map((l) => [l.id, l])),
  materials: [material(1, 'New User', 45), material(2, 'vi-spdat', 60), material(3, 'Reports'), { ...material(4, 'New User'), retired: true }],
  quizzes: new Map([quiz(1, 'new_user'), quiz(2, 'recertification'), quiz(3, 'assessment')].map((q) => [q.id, q])),
};
const person = (accessLevelId: number) => ({ id: 7, name: 'Ngozi Okafor', email: 'n@x.example.org', accessLevelId });

describe('planTraining', () => {
  it('adds the VI-SPDAT set and the assessment quiz for levels that include assessments', () => {
    expect(requiredSets(levels[1] as LevelTraining)).toEqual(['New User', 'VI-SPDAT']);
    const plan = planTraining(person(2), null, catalog);
    expect([plan.materials.map((m) => m.id), plan.quizzes.map((q) => q.id), plan.totalMinutes, plan.problem]).toEqual([[1, 2], [1, 3], 105, null]);
  });

  it('sends an upgrade only what the new level adds', () => {
    const plan = planTraining(person(2), 1, catalog);
    expect([plan.previousLevelName, plan.materials.map((m) => m.id), plan.quizzes.map((q) => q.id)]).toEqual(['Read Only', [2], [3]]);
  });

  it('falls back to the level quiz when an upgrade adds training but no quiz, and says when it adds nothing', () => {
    expect(planTraining(person(3), 1, catalog).quizzes.map((q) => q.id)).toEqual([1]);
    expect(planTraining(person(1), 2, catalog).problem).toBe('Read Only adds no training to Assessor Only: change their access in the HMIS directly.');
    expect(planTraining(person(4), null, catalog).problem).toBe('Broken has no new-user quiz. Choose one in the training catalog first.');
  });
});
