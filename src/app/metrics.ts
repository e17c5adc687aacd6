import type { AskStatus } from '../core/answer/ask.js';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { Metrics } from '../core/ports.js';

/** The bot's Prometheus metrics, on a registry of its own (no global state between tests). */
export class PrometheusMetrics implements Metrics {
  readonly registry = new Registry();
  private readonly questions = new Counter({ name: 'k8sbot_questions_total', help: 'Questions asked, by outcome (answered, declined, invalid).', labelNames: ['outcome'], registers: [this.registry] });
  private readonly latency = new Histogram({
    name: 'k8sbot_answer_seconds',
    help: 'Time to find an answer in the knowledge base.',
    buckets: [0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.05],
    registers: [this.registry],
  });
  private readonly answers = new Counter({ name: 'k8sbot_quiz_answers_total', help: 'Quiz and daily-question answers recorded.', labelNames: ['kind'], registers: [this.registry] });
  private readonly dailyPosts = new Counter({ name: 'k8sbot_daily_posts_total', help: 'Daily questions posted.', registers: [this.registry] });
  private readonly limited = new Counter({ name: 'k8sbot_rate_limited_total', help: 'Requests refused by the per-user rate limit.', labelNames: ['command'], registers: [this.registry] });
  readonly errors = new Counter({ name: 'k8sbot_errors_total', help: 'Errors logged, by kind (the log message).', labelNames: ['kind'], registers: [this.registry] });

  constructor(adapters: () => { platform: string; connected: boolean }[]) {
    collectDefaultMetrics({ register: this.registry, prefix: 'k8sbot_' });
    new Gauge({
      name: 'k8sbot_adapter_connected',
      help: '1 when the platform connection is up.',
      labelNames: ['platform'],
      registers: [this.registry],
      collect() {
        for (const a of adapters()) this.set({ platform: a.platform }, a.connected ? 1 : 0);
      },
    });
  }

  questionAsked(outcome: AskStatus, seconds: number): void {
    this.questions.inc({ outcome });
    if (outcome !== 'invalid') this.latency.observe(seconds);
  }
  answerRecorded(kind: 'quiz' | 'daily'): void {
    this.answers.inc({ kind });
  }
  dailyPosted(): void {
    this.dailyPosts.inc();
  }
  rateLimited(command: string): void {
    this.limited.inc({ command });
  }
}
