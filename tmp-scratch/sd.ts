import { readFileSync } from 'node:fs';
import { globSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { indexedText, foldMap, wordsData } from '/work/wt/search/src/lib/search-data.ts';
for (const l of ['zh','en'] as const) {
  const files = globSync(`/work/wt/search/dist/${l}/**/*.html`);
  const text = files.map(f => indexedText(readFileSync(f,'utf8'))).join(' ');
  const t0=Date.now(); const fold = foldMap(text); const t1=Date.now();
  const words = wordsData(text, l); const t2=Date.now();
  const fj = JSON.stringify(fold), wj = JSON.stringify(words);
  console.log(l, text.length, 'fold', Object.keys(fold).length, fj.length, gzipSync(fj).length, t1-t0,'ms', 'words', words.words.length, wj.length, gzipSync(wj).length, t2-t1, 'ms');
  console.log(Object.entries(fold).filter(([k])=>k.length>1).slice(0,40));
  for (const w of ['膨胀','鼓包','超时','逾时','死机','签到','冲正','小票','POS机','pos机']) console.log(w, text.includes(w));
  if (l==='zh') console.log(words.words.slice(0,50).join(' '));
}
