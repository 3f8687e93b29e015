import { describe, expect, it } from 'vitest';
import { codeInText, compareCodes, normaliseCode } from '../../src/lib/codes.ts';

describe('normaliseCode', () => {
  it.each([
    ['51', '51'],
    ['code 51', '51'],
    ['Code: 51', '51'],
    ['error code 51', '51'],
    ['错误码51', '51'],
    ['错误码：51', '51'],
    ['返回码 51', '51'],
    ['响应码51', '51'],
    ['５１', '51'],
    ['05', '05'],
    ['5', '05'],
    ['A0', 'A0'],
    ['a0', 'A0'],
    [' rc=96 ', '96'],
    ['"94"', '94'],
  ])('reads %j as %s', (query, code) => {
    expect(normaliseCode(query)).toBe(code);
  });

  it.each(['连接超时', '51 元', 'pin 5 times', 'ok', 'no', '', '123', 'code', '余额不足'])('does not read %j as a code', (query) => {
    expect(normaliseCode(query)).toBeNull();
  });
});

describe('codeInText', () => {
  it.each([
    ['A0 MAC校验错', 'A0'],
    ['51 余额不足', '51'],
    ['外国人的卡刷不了 15', '15'],
    ['POS机提示96怎么办', '96'],
  ])('finds the code in %j', (query, code) => {
    expect(codeInText(query)).toBe(code);
  });

  it.each(['pin wrong 5 times', 'T+1 settlement', '连接超时', '2024年'])('finds none in %j', (query) => {
    expect(codeInText(query)).toBeNull();
  });
});

describe('compareCodes', () => {
  it('orders numeric codes first, then letters', () => {
    expect(['A0', '51', '05', '96', undefined, '01'].sort(compareCodes)).toEqual(['01', '05', '51', '96', 'A0', undefined]);
  });
});
