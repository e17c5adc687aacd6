import type { Lang } from '../../core/knowledge/types.js';

/** The app's one slash command (the manifest registers it; any name the admin gives it works). */
export const SLASH_COMMAND = '/k8s';

/** How the core's commands are typed in Slack, shown with /k8s help and on the App Home tab. */
export function slackUsage(lang: Lang): string {
  return lang === 'zh'
    ? `在 Slack 中，把命令写在 \`${SLASH_COMMAND}\` 之后：\`${SLASH_COMMAND} pod 是什么？\`、\`${SLASH_COMMAND} quiz networking 5\`、\`${SLASH_COMMAND} daily status\`、\`${SLASH_COMMAND} leaderboard\`、\`${SLASH_COMMAND} stats\`。也可以 @ 我提问，或直接私信我。`
    : `In Slack, type a command after \`${SLASH_COMMAND}\`: \`${SLASH_COMMAND} what is a pod?\`, \`${SLASH_COMMAND} quiz networking 5\`, \`${SLASH_COMMAND} daily status\`, \`${SLASH_COMMAND} leaderboard\`, \`${SLASH_COMMAND} stats\`. You can also mention me with a question, or send me a direct message.`;
}
