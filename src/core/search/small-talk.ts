/**
 * Greetings, thanks and chit-chat. They deserve a friendly word about what the bot covers, not
 * "I don't know" — and must never be matched against the knowledge base.
 */
const EN = /^(hi+|hey+|hello+( there)?|yo|hiya|howdy|good (morning|afternoon|evening|night)|thanks?( you)?( so much| a lot)?|thx|ty|cheers|bye|goodbye|see (you|ya)|ok(ay)?|cool|nice|great|lol|who are you|what are you|what can you do|what do you do|are you (a bot|human|there|alive)|how are you( doing)?|tell me a joke|(write|give) me a (poem|joke|song|story)|help me|sup|what'?s up)[\s!.?,~]*$/i;
const ZH = /^(你好|您好|哈喽|嗨|hi|hello|在吗|在不在|早上好|早安|晚上好|晚安|下午好|谢谢|多谢|感谢|谢了|辛苦了|再见|拜拜|好的|好吧|收到|哈哈+|你是谁|你叫什么(名字)?|你会(干|做)(嘛|什么|啥)|你能(干|做)(嘛|什么|啥)|你是(机器人|人)吗|讲个笑话|说个笑话|给我讲个笑话|(帮我)?写(一)?首诗|你怎么样|最近(怎么样|好吗)|吃了吗)[\s!！。.?？~，,吧呀啊呢]*$/i;

export function isSmallTalk(text: string): boolean {
  const t = text.trim();
  return t.length <= 40 && (EN.test(t) || ZH.test(t));
}
