// Segmenter on jieba (@node-rs/jieba, a prebuilt native binding shipped in its npm package): words and their rarity.
import type { Segmenter } from '../../domain/ports/segmenter.js';

/**
 * A segmenter with jieba's default dictionary and IDF table: about half a second and 80 MB, so load it once. The
 * package is imported here, when a segmenter is first asked for, so only the functions that cut text need it
 * (infra/manifest.ts lists it under their `nativeModules`).
 */
export async function jiebaSegmenter(): Promise<Segmenter> {
  const [{ Jieba, TfIdf }, { dict, idf }] = await Promise.all([import('@node-rs/jieba'), import('@node-rs/jieba/dict.js')]);
  const jieba = Jieba.withDict(dict);
  const tfIdf = TfIdf.withDict(idf);
  return {
    // Without HMM: only dictionary words, so a text and a query made of the same words cut the same way.
    indexWords: (text) => jieba.cutForSearch(text, false),
    queryWords: (text) => jieba.cut(text, false),
    rarity(words) {
      // Each word once, so a keyword's TF-IDF weight orders words as their IDF does.
      const weights = tfIdf.extractKeywords(jieba, words.join(' '), words.length);
      return new Map(weights.map((k) => [k.keyword.toLowerCase(), k.weight]));
    },
  };
}
