import { askCommand } from './ask-command.js';
import { helpCommand } from './help-command.js';
import { quizCommand } from './quiz-command.js';
import { flashcardCommand } from './flashcard-command.js';
import { leaderboardCommand, statsCommand } from './score-commands.js';
import { dailyCommand } from './daily-command.js';
import type { Command } from './types.js';

/**
 * Every command the bot has, in one list. Adapters derive their registration from it (Discord
 * slash-command JSON, the Slack manifest and `/k8s` sub-commands, console parsing), so adding a
 * command is one edit here.
 */
export const COMMANDS: readonly Command[] = [
  askCommand,
  quizCommand,
  flashcardCommand,
  dailyCommand,
  leaderboardCommand,
  statsCommand,
  helpCommand(() => COMMANDS),
];

export function findCommand(name: string): Command | undefined {
  return COMMANDS.find((c) => c.name === name);
}
