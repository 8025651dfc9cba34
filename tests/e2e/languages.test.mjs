// Every interface string exists in both languages: in English no Vietnamese is shown, and in
// Vietnamese no English, except data that exists in one language only, which is marked with
// its own `lang` (so that screen readers pronounce it right), and addresses and file names
// (`translate="no"`).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useBrowser, VIEWS } from './browser.mjs';

const env = useBrowser();

// Letters only Vietnamese uses (with their tone marks), and common English words.
const VIETNAMESE = /[ăâđêôơưàảãáạằẳẵắặầẩẫấậèẻẽéẹềểễếệìỉĩíịòỏõóọồổỗốộờởỡớợùủũúụừửữứựỳỷỹýỵ]/i;
const ENGLISH = /\b(the|and|of|with|from|for|data|province|provinces|year|years|value|values|source|sources|download|rank|ranks|without|missing|shows?)\b/;

/** Text, titles and labels the page shows in the interface's language, with where they are. */
function interfaceTexts(other) {
  // Data marked with its own language is in that language whatever the interface's (a note in
  // English may name Vietnamese provinces); the interface marks none of its own text so.
  const skip = (el) => el.closest('body [lang], [translate="no"], script, style');
  const texts = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const el = node.parentElement;
    if (!skip(el) && node.textContent.trim()) {
      texts.push([el.closest('[id]')?.id ?? el.tagName, node.textContent.trim()]);
    }
  }
  for (const el of document.body.querySelectorAll('[title], [aria-label], [placeholder]')) {
    if (skip(el)) continue;
    for (const name of ['title', 'aria-label', 'placeholder']) {
      const value = el.getAttribute(name);
      if (value) texts.push([`${el.closest('[id]')?.id ?? el.tagName} @${name}`, value]);
    }
  }
  // Data names marked as the other language also stand inside sentences (chart descriptions).
  const names = [...document.querySelectorAll(`[lang="${other}"]`)]
    .map((el) => el.textContent.trim()).filter((n) => n).sort((a, b) => b.length - a.length);
  // Addresses are the same in every language.
  return texts.map(([where, text]) => [where, names.reduce((t, n) => t.replaceAll(n, '…'), text).replace(/https?:\/\/\S+/g, '…')]);
}

for (const [name, query, ready] of VIEWS) {
  test(`${name}: no interface string is left untranslated in either language`, async () => {
    const page = await env.context.newPage();
    for (const [lang, other, foreign] of [['en', 'vi', VIETNAMESE], ['vi', 'en', ENGLISH]]) {
      await page.goto(`${env.url}${query}&lang=${lang}`);
      await page.waitForSelector(ready);
      // Everything folded away is opened, so that its text counts too.
      await page.evaluate(() => document.querySelectorAll('details').forEach((d) => { d.open = true; }));
      const texts = await page.evaluate(interfaceTexts, other);
      assert.ok(texts.length > 20, `${name} shows text`);
      const untranslated = texts.filter(([, text]) => foreign.test(text));
      assert.deepEqual(untranslated, [], `${name} in ${lang}`);
    }
    await page.close();
  });
}
