import { keyType, subscribeDataError } from '../../../server/openapi/subscribe-rules';

// Each parameter type of a subscribe message and its documented rule ("订阅消息参数值内容限制说明",
// https://developers.weixin.qq.com/miniprogram/dev/OpenApiDoc/mp-message-management/subscribe-message/sendMessage.html),
// with the documentation's own examples among the accepted values.
const cases: Array<[key: string, ok: string[], refused: string[]]> = [
  ['thing1', ['您的建议有新进展', 'A1 编号：FW-1A2B3C', '一二三四五六七八九十一二三四五六七八九十'], ['一二三四五六七八九十一二三四五六七八九十一']],
  ['number2', ['339208499', '12.5', '1'.repeat(32)], ['12a', '-', '1'.repeat(33), '1.2.3']],
  ['letter3', ['abc', 'A'.repeat(32)], ['ab1', 'a b', 'A'.repeat(33)]],
  ['symbol4', ['%', '#@!', '+-*/='], ['a', '######', '1']],
  ['character_string5', ['FW-1A2B3C', 'abc_123'], ['编号1', 'x'.repeat(33), 'a b']],
  ['time6', ['15:01', '2019年10月1日 15:01', '09:00~18:00', '2019-12-25 09:42'], ['25:00', '15:61', '2019年10月1日', '下午三点']],
  ['date7', ['2019年10月1日', '2019年10月1日 15:01', '2019-12-25 09:42', '2026-01-02', '2026年1月1日~2026年1月3日'], ['2026.01.02', '2026/01/02', '01-02', '2026-13-01', '2026-02-30', '明天']],
  ['amount8', ['¥100', '￥12.50', '100元', '¥99.9元'], ['一百元', '¥12345678901', '¥-5']],
  ['phone_number9', ['+86-0766-66888866', '13800000000', '110'], ['1380000000000000000', '电话110', '138 0000']],
  ['car_number10', ['粤A8Z888挂', '渝A12345'], ['粤A8Z888挂1', '粤-A8888', '粤粤A888']],
  ['name11', ['张桂芳', '欧阳娜娜', 'Mary Smith', '李Anna'], ['一二三四五六七八九十一', 'M'.repeat(21), '张3']],
  ['phrase12', ['配送中', '已答复', '审核通过'], ['已答复…', '略略略略略略', 'ok', '已 答复']],
];

describe('subscribe-message values against WeChat’s rules', () => {
  for (const [key, ok, refused] of cases) {
    it(`${keyType(key)}: accepts ${ok.length} allowed values and refuses ${refused.length} others`, () => {
      for (const value of ok) expect([value, subscribeDataError({ [key]: { value } })]).toEqual([value, null]);
      for (const value of refused) expect([value, subscribeDataError({ [key]: { value } })]).toEqual([value, `argument invalid! data.${key}.value invalid`]);
    });
  }

  it('names an empty or missing value as empty, and a non-text one as invalid', () => {
    expect(subscribeDataError({ thing1: { value: '' } })).toBe('argument invalid! data.thing1.value is empty');
    expect(subscribeDataError({ thing1: {} })).toBe('argument invalid! data.thing1.value is empty');
    expect(subscribeDataError({ thing1: { value: { a: 1 } } })).toBe('argument invalid! data.thing1.value invalid');
    expect(subscribeDataError({})).toBe('argument invalid! data is empty');
  });

  it('reads the type from the key, with or without a number', () => {
    expect([keyType('thing1'), keyType('character_string19'), keyType('phone_number3'), keyType('date')]).toEqual(['thing', 'character_string', 'phone_number', 'date']);
  });
});
