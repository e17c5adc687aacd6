import type { BaseServices, Services } from './commands/types.js';
import { DailyService, type ScheduleEngine } from './daily/daily-service.js';
import { QuizService } from './quiz/quiz-service.js';

/** Wires the feature services onto the I/O the caller passes in. */
export function createServices(base: BaseServices, schedules: ScheduleEngine): Services {
  const services = { ...base } as Services;
  services.quiz = new QuizService(services);
  services.daily = new DailyService(services, schedules);
  return services;
}
