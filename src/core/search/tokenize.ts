/**
 * Tokenizer for mixed Chinese/English text. Chinese has no spaces, so Han runs become
 * character bigrams (identical on every ICU build, unlike Intl.Segmenter); Latin runs become
 * words, with camelCase and hyphenated terms split and also kept joined, so `kube-proxy`,
 * `kubeproxy` and `kube proxy` all meet.
 */

const HAN = '\\p{Script=Han}';
// Latin letters and digits only: `\p{L}` would also swallow Han characters.
const RUN_RE = new RegExp(`(${HAN}+)|([A-Za-z0-9]+(?:[-_./][A-Za-z0-9]+)*)`, 'gu');
const CAMEL_RE = /[A-Z]?[a-z]+|[A-Z]+(?![a-z])|[0-9]+/g;

/** NFKC folds full-width letters, digits and punctuation (ｋｕｂｅ，) into their ASCII forms. */
export function normalize(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Chinese question words and particles. Han runs are split at them, so no bigram spans a
 * question word (`什么是pod` must not produce `么是`). Single characters are only particles
 * that never sit inside a technical term: `和` would break `亲和性`, `有` would break `有状态`.
 */
const ZH_STOP = [
  '干什么', '干嘛', '干啥', '做什么', '用什么', '为什么', '是什么', '有啥', '咋样', '啥', '咋', '有哪些', '有什么', '有没有', '是不是', '怎么样', '怎么办', '哪几种', '是怎样', '怎样', '如何', '什么', '怎么', '为何',
  '哪些', '哪个', '哪种', '几种', '是否', '能否', '可否', '请问', '一下', '简述', '简单', '介绍', '说说', '讲讲', '谈谈', '解释', '详述', '描述',
  '一个', '这个', '那个', '我们', '你们', '可以', '需要', '应该', '时候', '知道', '告诉', '以及', '还有', '如果', '到底', '一般', '通常',
  '具体', '主要', '分别', '其中', '就是', '的话', '进行', '关于', '之间', '面试', '问题', '理解', '谈谈你对', '你对', '常用', '常见', '请', '吗', '呢', '吧', '啊', '呀', '嘛', '的', '了', '么', '是',
];
const ZH_STOP_RE = new RegExp(ZH_STOP.sort((a, b) => b.length - a.length).join('|'), 'g');

export const EN_STOP = new Set(
  ('a an the and or but of to in on at for from by with without about as is are was were be been being do does did doing ' +
    'what whats which who whom whose why how when where there here this that these those it its it\'s i me my we our you your ' +
    'they them their he she his her can could should would will shall may might must have has had having not no yes ' +
    'please tell explain describe difference differences between vs versus mean means meaning use used using work works ' +
    'into onto than then so if else also just some any all each every other more most much many very ' +
    'get gets got make makes made happen happens thing things way ways s t')
    .split(' '),
);

/** Light English stemming: enough to meet `probes`/`probe` and `containers`/`container`. */
/** Acronyms that end in s but are not plurals. */
const NO_STEM = new Set(['ipvs', 'https', 'kms', 'iops', 'qps', 'tls', 'aws', 'eks', 'aks', 'gcs', 'cos', 'nfs', 'cephfs', 'xfs', 'zfs', 'btrfs', 'tmpfs', 'procfs', 'sysfs', 'rootfs', 'aufs', 'overlayfs', 'unionfs']);

export function stem(word: string): string {
  if (word.length <= 3 || /[0-9]/.test(word) || NO_STEM.has(word)) return word;
  if (word.endsWith('ies') && word.length > 4) return word.slice(0, -3) + 'y';
  if (word.endsWith('sses')) return word.slice(0, -2);
  if (word.endsWith('s') && !/(ss|us|is|os)$/.test(word)) return word.slice(0, -1);
  return word;
}

/**
 * Chat abbreviations, folded into the full term at index and query time alike, so `svc` meets an
 * entry that says Service as fully as `service` does (a synonym expansion would count it less).
 */
export const ABBREVIATIONS: Readonly<Record<string, string>> = {
  k8s: 'kubernetes', svc: 'service', ns: 'namespace', cm: 'configmap', pvc: 'persistentvolumeclaim', pv: 'persistentvolume',
  hpa: 'horizontalpodautoscaler', vpa: 'verticalpodautoscaler', sts: 'statefulset', ds: 'daemonset', rs: 'replicaset',
  rc: 'replicationcontroller', deploy: 'deployment', po: 'pod', sa: 'serviceaccount', netpol: 'networkpolicy',
  crd: 'customresourcedefinition', pdb: 'poddisruptionbudget', sc: 'storageclass', ing: 'ingress', ep: 'endpoint', cj: 'cronjob',
  cronjobs: 'cronjob', img: 'image',
};

const PLAIN_WORD = /^[a-z]+$/;

function word(w: string): string {
  return ABBREVIATIONS[w] ?? stem(w);
}

function latinTokens(run: string, out: string[]): void {
  // Most words are plain lowercase: skip the camelCase and separator splitting for them.
  const folded = ABBREVIATIONS[run.toLowerCase()];
  if (folded) {
    out.push(folded);
    return;
  }
  if (PLAIN_WORD.test(run)) {
    if (!EN_STOP.has(run)) out.push(word(run));
    return;
  }
  const parts = run.split(/[-_./]/).flatMap((p) => p.match(CAMEL_RE) ?? []);
  const words = parts.map((p) => p.toLowerCase());
  for (const w of words) if (!EN_STOP.has(w)) out.push(word(w));
  if (words.length > 1) out.push(word(words.join('')));
}

/** Function words that mean nothing alone; only dropped as a lone character, so `亲和性` keeps its `和`. */
const ZH_LONE_STOP = new Set([...'和与及或跟在把被让给对从向将用中上下里为就都也还又很太更最会能要想得地着过个这那哪谁它他她你我有没不']);

function hanTokens(run: string, out: string[]): void {
  for (const piece of run.replace(ZH_STOP_RE, ' ').split(' ')) {
    if (piece.length === 1 && !ZH_LONE_STOP.has(piece)) out.push(piece);
    for (let i = 0; i + 1 < piece.length; i++) out.push(piece.slice(i, i + 2));
  }
}

/** The search terms of a text: Chinese bigrams and (split, stemmed) Latin words, stop words removed. */
export function tokenize(text: string): string[] {
  const out: string[] = [];
  for (const m of normalize(text).matchAll(RUN_RE)) {
    if (m[1]) hanTokens(m[1], out);
    else if (m[2]) latinTokens(m[2], out);
  }
  return out;
}

export function hasHan(text: string): boolean {
  return /\p{Script=Han}/u.test(text);
}
