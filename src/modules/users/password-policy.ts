// Password policy: a minimum length and zxcvbn-ts's strength estimate (its common dictionaries, keyboard
// patterns, repeats, sequences, dates, the user's own names), plus passwords common in China, which
// the library's English-centred lists miss. zxcvbn-ts has no Chinese pack: the feedback is ours.
import { ZxcvbnFactory, type TranslationKeys } from '@zxcvbn-ts/core';
import { adjacencyGraphs, dictionary } from '@zxcvbn-ts/language-common';
import { PASSWORD_MIN_LENGTH } from './password.ts';

/** zxcvbn's score 0–4; 3 means "safely unguessable: moderate protection from offline attacks". */
export const PASSWORD_MIN_SCORE = 3;

// From leaked-password lists of Chinese sites (CSDN, 12306 and others).
const CHINESE_PASSWORDS = [
  'woaini1314', '5201314', '1314520', 'woaini', 'woaini520', 'iloveyou', 'aini1314', 'qwertyuiop', '1qaz2wsx',
  '1qaz2wsx3edc', 'qazwsxedc', 'zxcvbnm', 'asdfghjkl', 'a123456', 'abc123456', '123456abc', 'qq123456', 'aa123456',
  'zhongguo', 'woaizhongguo', 'beijing', 'shanghai', 'guizhou', 'qiannan', 'duyun', 'minzheng', 'jiuzhu', 'dibao',
];

// The pinyin of the commonest full names, surnames and given-name syllables.
const CHINESE_NAMES = [
  'zhangwei', 'wangwei', 'wangfang', 'liwei', 'wangxiuying', 'lixiuying', 'lina', 'zhangxiuying', 'liuwei', 'zhangmin',
  'lijing', 'wangjing', 'zhangli', 'wangmin', 'liqiang', 'wangqiang', 'zhangjing', 'lijun', 'wanglei', 'liuyang',
  'zhang', 'wang', 'zhao', 'liu', 'chen', 'yang', 'huang', 'zhou', 'sun', 'zhu', 'gao', 'lin', 'guo', 'luo', 'liang',
  'song', 'zheng', 'xie', 'han', 'tang', 'feng', 'dong', 'xiao', 'cheng', 'cao', 'yuan', 'deng', 'shen', 'zeng', 'peng',
  'jiang', 'cai', 'jia', 'ding', 'wei', 'xue', 'yan', 'pan', 'dai', 'xia', 'zhong', 'tian', 'ren', 'fan', 'fang', 'shi',
  'yao', 'tan', 'liao', 'zou', 'xiong', 'jin', 'hao', 'kong', 'bai', 'cui', 'kang', 'mao', 'qiu', 'qin', 'hou', 'shao',
  'meng', 'long', 'wan', 'duan', 'lei', 'qian', 'yin', 'chang', 'qiao', 'lai', 'gong', 'wen', 'mei', 'hua', 'jun',
  'ming', 'hong', 'ping', 'qiang', 'jian', 'jie', 'ling', 'xiu', 'ying', 'yun', 'hui', 'lan', 'fei', 'ting', 'xin',
];

const translations: TranslationKeys = {
  warnings: {
    straightRow: '键盘上连成一行的按键很容易被猜到',
    keyPattern: '简短的键盘图案很容易被猜到',
    simpleRepeat: '重复的字符（如 aaa）很容易被猜到',
    extendedRepeat: '重复的字符组合（如 abcabcabc）很容易被猜到',
    sequences: '常见的字符顺序（如 abc、123）很容易被猜到',
    recentYears: '近年的年份很容易被猜到',
    dates: '日期很容易被猜到',
    topTen: '这是最常用的密码之一',
    topHundred: '这是极常用的密码',
    common: '这是常用密码',
    similarToCommon: '与常用密码过于相似',
    wordByItself: '单个词语很容易被猜到',
    namesByThemselves: '单独的姓名很容易被猜到',
    commonNames: '常见的姓名很容易被猜到',
    userInputs: '密码不能包含用户名、姓名等个人信息',
    pwned: '该密码已在网上泄露的数据中出现',
  },
  suggestions: {
    l33t: '避免用可预见的字符替换，如用 @ 代替 a',
    reverseWords: '避免把常用词倒着拼写',
    allUppercase: '只把部分字母大写，而不是全部',
    capitalization: '不要只把首字母大写',
    dates: '避免使用与自己有关的日期和年份',
    recentYears: '避免使用近年的年份',
    associatedYears: '避免使用与自己有关的年份',
    sequences: '避免常见的字符顺序',
    repeated: '避免重复的词语和字符',
    longerKeyboardPattern: '使用更长的键盘图案，并多次改变方向',
    anotherWord: '再加几个不常见的词',
    useWords: '使用几个不相关的词，避免常见短语',
    noNeed: '不必使用符号、数字或大写字母也能设置强密码',
    pwned: '如果其他地方也用这个密码，请一并更改',
  },
  timeEstimation: {
    ltSecond: '不到 1 秒', second: '{base} 秒', seconds: '{base} 秒', minute: '{base} 分钟', minutes: '{base} 分钟',
    hour: '{base} 小时', hours: '{base} 小时', day: '{base} 天', days: '{base} 天', month: '{base} 个月',
    months: '{base} 个月', year: '{base} 年', years: '{base} 年', centuries: '数百年',
  },
};

// Building the factory decompresses the dictionaries: once, when the first password is checked.
let factory: ZxcvbnFactory | undefined;
const estimator = () =>
  (factory ??= new ZxcvbnFactory({
    dictionary: { ...dictionary, 'passwords-zh': CHINESE_PASSWORDS, 'names-zh': CHINESE_NAMES },
    graphs: adjacencyGraphs,
    translations,
  }));

/** What is wrong with a password, in Chinese; null when it may be used. `names`: the user name and display name. */
export function passwordProblem(password: string, names: readonly string[]): string | null {
  if (password.length < PASSWORD_MIN_LENGTH) return `密码至少 ${PASSWORD_MIN_LENGTH} 位`;
  const lower = password.toLowerCase();
  const own = names.map((n) => n.trim().toLowerCase()).filter((n) => n.length > 0);
  // The parts of a user name such as wenfeng.caseworker, so that "Wenfeng2015!x" is refused as well.
  const parts = own.flatMap((n) => n.split(/[._\-\s]+/)).filter((p) => p.length >= 4);
  if ([...own, ...parts].some((n) => lower.includes(n))) return translations.warnings.userInputs;
  const result = estimator().check(password, own);
  if (result.score >= PASSWORD_MIN_SCORE) return null;
  const why = result.feedback.warning ?? '容易被猜到';
  const hint = result.feedback.suggestions[0] ?? translations.suggestions.anotherWord;
  return `密码强度不足：${why}。${hint}`;
}
