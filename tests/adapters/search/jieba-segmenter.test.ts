// The jieba segmenter cuts the way intake and search need: dictionary words, their parts for indexing, rarity by IDF.
import { beforeAll, describe, expect, it } from 'vitest';
import { jiebaSegmenter } from '../../../adapters/search/jieba-segmenter.js';
import type { Segmenter } from '../../../domain/ports/segmenter.js';
import { queryTokens, tokensToIndex } from '../../../domain/search/search-tokens.js';

let jieba: Segmenter;
beforeAll(async () => {
  jieba = await jiebaSegmenter();
});

describe('the jieba segmenter', () => {
  it('cuts a complaint into the words people search by', () => {
    expect(jieba.queryWords('每晚十一点后楼上装修噪音很大。')).toEqual(['每晚', '十一点', '后', '楼上', '装修', '噪音', '很大', '。']);
  });

  it('indexes a long word with the dictionary words inside it', () => {
    const words = jieba.indexWords('上海市浦东新区停水');

    expect(words).toEqual(expect.arrayContaining(['上海', '浦东', '新区', '上海市浦东新区', '停水']));
  });

  it('ranks a specific word above a common one', () => {
    const rarity = jieba.rarity(['路灯', '晚上']);

    expect(rarity.get('路灯') ?? 0).toBeGreaterThan(rarity.get('晚上') ?? 0);
  });

  it('finds a ticket by a word of its description, looked up by the query’s rarest word', () => {
    const indexed = tokensToIndex({ title: '楼上夜间噪音', description: '每晚十一点后楼上装修噪音很大。' }, jieba, 97);

    expect(indexed).toEqual(expect.arrayContaining(['噪音', '装修', '楼上']));
    expect(indexed).not.toContain('。');
    expect(indexed).toContain(queryTokens('装修的噪音', jieba)[0]);
  });
});
