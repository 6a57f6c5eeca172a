/**
 * The local content-security engine's word lists, standing in for WeChat's msgSecCheck in
 * development. `risky` words are refused, `review` words sent to a person. Labels as WeChat's.
 */
export const SEC_KEYWORDS: Array<{ word: string; suggest: 'risky' | 'review'; label: number }> = [
  { word: '赌博', suggest: 'risky', label: 20006 },
  { word: '毒品', suggest: 'risky', label: 20006 },
  { word: '色情', suggest: 'risky', label: 20002 },
  { word: '代开发票', suggest: 'risky', label: 10001 },
  { word: '刷单', suggest: 'risky', label: 20008 },
  { word: '贷款', suggest: 'review', label: 10001 },
  { word: '加微信', suggest: 'review', label: 10001 },
  { word: '傻子', suggest: 'review', label: 20003 },
  { word: '滚蛋', suggest: 'review', label: 20003 },
];
