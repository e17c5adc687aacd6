import type { AskResult } from './ask.js';

/** The machine-readable form of an answer (`npm run ask -- --json`, the evaluation script). */
export function askResultToJson(result: AskResult) {
  const e = result.entry;
  return {
    query: result.query,
    status: result.status,
    ...(result.reason ? { error: result.reason } : {}),
    answer: e
      ? {
          id: e.id,
          question: e[result.lang].question,
          answer: e[result.lang].answer,
          short: e[result.lang].short,
          lang: result.lang,
          topic: e.topic,
          level: e.level,
          confidence: Number(result.confidence.toFixed(3)),
          refs: e.refs,
          related: result.related.map((r) => ({ id: r.id, question: r[result.lang].question })),
        }
      : null,
    suggestions: result.suggestions.map((s) => ({ id: s.id, question: s[result.lang].question })),
  };
}
