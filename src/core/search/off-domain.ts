/**
 * Technologies people also ask interview questions about. Their words often appear in the base
 * in passing (a JVM heap limit, a Redis StatefulSet), so keyword overlap alone would answer
 * `JVM 垃圾回收` with an owner-reference entry. The decision sees how many such words the
 * question has that the chosen entry's own question and tags don't.
 */
const OFF_DOMAIN = new Set(
  ('react vue angular jquery svelte spring springboot django flask rails laravel jvm java javascript typescript nodejs python golang ' +
    'php ruby rust csharp dotnet redis mysql postgres postgresql mongodb kafka rabbitmq elasticsearch hadoop spark flink tensorflow pytorch ' +
    'android ios iphone swift excel css html sql oracle webpack nginx apache tomcat lambda dynamodb terraform ' +
    'ansible git github gitlab maven gradle npm tcp udp c++ cpp linked list tree algorithm recipe weather stock joke poem')
    .split(' '),
);
const OFF_DOMAIN_ZH = ['数据库', '设计模式', '单例', '操作系统', '进程调度', '算法', '链表', '二叉树', '排序', '天气', '股票', '菜谱', '笑话', '写诗', '索引'];

export function offDomainWords(terms: readonly string[], text: string): string[] {
  return [...terms.filter((t) => OFF_DOMAIN.has(t)), ...OFF_DOMAIN_ZH.filter((w) => text.includes(w))];
}
