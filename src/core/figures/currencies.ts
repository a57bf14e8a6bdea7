/**
 * Currencies by ISO code, with the names Chinese news writes them in (both scripts, and the
 * common short forms). Data: one currency a line, `CODE|name name …`.
 */
const TABLE = `
CNY|人民币元 人民幣元 人民币 人民幣 元人民币 元人民幣 元 圆 圓 块钱 塊錢 块 塊
USD|美元 美金 美圆 美圓 美刀
HKD|港元 港币 港幣 港圆 港圓
MOP|澳门元 澳門元 澳门币 澳門幣 澳门幣 葡币 葡幣
TWD|新台币 新台幣 新臺幣 台币 台幣 臺幣 新台币元 新台幣元
EUR|欧元 歐元
JPY|日元 日圆 日圓 日币 日幣
GBP|英镑 英鎊
KRW|韩元 韓元 韩币 韓幣 韩圆 韓圓
THB|泰铢 泰銖 泰币 泰幣
AUD|澳元 澳币 澳幣 澳大利亚元 澳大利亞元
NZD|新西兰元 紐西蘭元 纽元 紐元
CAD|加元 加币 加幣 加拿大元
SGD|新加坡元 新元 新币 新幣
MYR|林吉特 马币 馬幣
IDR|印尼盾 印度尼西亚盾
VND|越南盾
PHP|菲律宾比索 菲律賓比索
INR|印度卢比 印度盧比 卢比 盧比
RUB|卢布 盧布
CHF|瑞士法郎
SEK|瑞典克朗
NOK|挪威克朗
DKK|丹麦克朗 丹麥克朗
ZAR|南非兰特 南非蘭特 兰特 蘭特
BRL|巴西雷亚尔 巴西雷亞爾 雷亚尔 雷亞爾
MXN|墨西哥比索
TRY|土耳其里拉
AED|迪拉姆
SAR|沙特里亚尔 沙特里亞爾 里亚尔 里亞爾
ILS|谢克尔 謝克爾 新谢克尔 新謝克爾
NGN|奈拉
BTC|比特币 比特幣
ETH|以太币 以太幣
`;

export const CURRENCIES: Array<[string[], string]> = TABLE.trim().split('\n').map((line) => {
  const [code, names] = line.split('|') as [string, string];
  return [names.split(' '), code];
});

/** Currencies whose 元 is their own (新台幣 30 億元 is TWD, not CNY): a name before the number decides. */
export const GENERIC_YUAN = new Set(['元', '圆', '圓', '块', '塊', '块钱', '塊錢']);
