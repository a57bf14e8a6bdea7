/**
 * Currency codes as a person reads them: "CNY" in English, 人民币 / 人民幣 in Chinese. Each is a
 * message (msgAs, so that the code is the key of its translations in l10n/ and the l10n test finds
 * it here), used wherever the core names a currency in what it explains: figure readings,
 * conversions' workings. The CLI keeps printing the ISO code.
 */
import { msgAs, type Message, type MessageArg } from '../text/message';

const NAMES: Record<string, Message> = {
  CNY: msgAs('currency', 'CNY'),
  USD: msgAs('currency', 'USD'),
  HKD: msgAs('currency', 'HKD'),
  MOP: msgAs('currency', 'MOP'),
  TWD: msgAs('currency', 'TWD'),
  EUR: msgAs('currency', 'EUR'),
  JPY: msgAs('currency', 'JPY'),
  GBP: msgAs('currency', 'GBP'),
  KRW: msgAs('currency', 'KRW'),
  THB: msgAs('currency', 'THB'),
  AUD: msgAs('currency', 'AUD'),
  NZD: msgAs('currency', 'NZD'),
  CAD: msgAs('currency', 'CAD'),
  SGD: msgAs('currency', 'SGD'),
  MYR: msgAs('currency', 'MYR'),
  IDR: msgAs('currency', 'IDR'),
  VND: msgAs('currency', 'VND'),
  PHP: msgAs('currency', 'PHP'),
  INR: msgAs('currency', 'INR'),
  RUB: msgAs('currency', 'RUB'),
  CHF: msgAs('currency', 'CHF'),
  SEK: msgAs('currency', 'SEK'),
  NOK: msgAs('currency', 'NOK'),
  DKK: msgAs('currency', 'DKK'),
  ZAR: msgAs('currency', 'ZAR'),
  BRL: msgAs('currency', 'BRL'),
  MXN: msgAs('currency', 'MXN'),
  TRY: msgAs('currency', 'TRY'),
  AED: msgAs('currency', 'AED'),
  SAR: msgAs('currency', 'SAR'),
  ILS: msgAs('currency', 'ILS'),
  NGN: msgAs('currency', 'NGN'),
  BTC: msgAs('currency', 'BTC'),
  ETH: msgAs('currency', 'ETH'),
};

/** The currency's name as a message, or the code itself for one Gloss has no name for. */
export function currencyName(code: string): MessageArg {
  return NAMES[code] ?? code;
}
