/**
 * What kind of question a text asks. A definitional question (`What is etcd?`) should find the
 * entry that defines the thing, not a specialised entry that mentions it more often (restoring
 * etcd); the ranker learns how much a matching intent is worth.
 */
export const INTENTS = ['definition', 'howto', 'command', 'compare', 'troubleshoot', 'other'] as const;
export type Intent = (typeof INTENTS)[number];

const RULES: [Intent, RegExp][] = [
  ['compare', /\b(vs\.?|versus|differen(ce|t)s?|compare[ds]?|comparison|better than)\b|区别|差别|不同|对比|比较|异同|还是/i],
  ['troubleshoot', /\b(stuck|fail(s|ed|ing)?|error|crash\w*|not working|doesn'?t|won'?t|can'?t|cannot|unable|pending|oomkilled|backoff|timeout|timed out|slow|broken|troubleshoot\w*|debug\w*|diagnos\w*)\b|排查|报错|失败|卡在|卡住|一直|异常|起不来|无法|不能|超时|故障|挂了|不通|问题出在|怎么回事/i],
  ['command', /\b(commands?|kubectl|cli|flag)\b|命令|指令/i],
  ['howto', /\b(how (do|can|to|should|would)|steps? to|way to|command|configure|set ?up|enable|implement)\b|如何|怎么|怎样|配置|实现|步骤|方法/i],
  ['definition', /^\s*(what('s| is| are)|define|explain|describe|tell me about)\b|\bwhat (is|are) (a|an|the)?\b|什么是|是什么|是啥|啥是|介绍|含义|概念|作用|用途|干什么|干嘛/i],
];

export function detectIntent(text: string): Intent {
  for (const [intent, re] of RULES) if (re.test(text)) return intent;
  return 'other';
}
