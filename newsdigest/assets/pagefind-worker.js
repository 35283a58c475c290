/* Material for MkDocs' search worker, answered by Pagefind (digest plugin, `search: pagefind`).
 *
 * Material's search UI posts SETUP once and QUERY per keystroke, and renders the
 * RESULT it gets back; this worker speaks the same protocol (see Material's
 * integrations/search/worker/message), so the search box, result list,
 * highlighting and keyboard navigation stay Material's own. Instead of building
 * a Lunr index from one big search_index.json, it loads Pagefind's bundle on
 * the first real query and fetches only the index chunks and page fragments
 * that query needs.
 */
"use strict";

const SETUP = 0, READY = 1, QUERY = 2, RESULT = 3;
const MAX_PAGES = 10;            // pages whose fragment is fetched per query: the 10 Material shows at once
const SETTLE_MS = 300;           // wait for typing to pause, as Pagefind's own UI does, so that the
                                 // prefixes of a word being typed do not each fetch index chunks and pages
const SITE = new URL("../../", self.location.href);   // this file is <site>/assets/digest/pagefind-worker.js

let pagefind = null;             // Promise of Pagefind's module, loaded on the first non-empty query
let suggest = false;             // Material's `search.suggest` feature
let stopWords = false;           // Material's English stop word filter is on (its default)
let latest = 0;                  // id of the newest query; older answers are dropped

function load() {
  if (!pagefind) {
    pagefind = import(new URL("pagefind/pagefind.js", SITE).href).then(async (module) => {
      await module.options({ baseUrl: "/", excerptLength: 36 });
      await module.init();
      return module;
    });
    pagefind.catch(() => { pagefind = null; });   // retry on the next query
  }
  return pagefind;
}

/** Lunr's English stop words, which Material's search ignores; a word in every page would cost a big index chunk. */
const STOP_WORDS = new Set((
  "a able about across after all almost also am among an and any are as at be because been but by can " +
  "cannot could dear did do does either else ever every for from get got had has have he her hers him his " +
  "how however i if in into is it its just least let like likely may me might most must my neither no nor " +
  "not of off often on only or other our own rather said say says she should since so some than that the " +
  "their them then there these they this tis to too twas us wants was we were what when where which while " +
  "who whom why will with would yet you your").split(" "));

function escapeHTML(text) {
  return String(text).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/** The query's words, lowercased, as Pagefind matches them (prefixes of indexed words). */
function queryWords(query) {
  return query.toLowerCase().split(/[^\p{L}\p{N}_]+/u).filter(Boolean);
}

/** Escape a title and mark the query words in it, the way Material marks matched title words. */
function markTitle(text, words) {
  const html = escapeHTML(text);
  if (!words.length) return html;
  const alternatives = words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("|");
  const pattern = new RegExp(`(^|[^\\p{L}\\p{N}_])((?:${alternatives})[\\p{L}\\p{N}_]*)`, "giu");
  return html.replace(pattern, "$1<mark>$2</mark>");
}

/** Pagefind's excerpts are escaped text with <mark>s; Material's section texts are paragraphs. */
function paragraph(excerpt) {
  return excerpt ? `<p>${excerpt}</p>` : "";
}

/** Pagefind's URLs are site-absolute ("/articles/x/#note-y"); Material wants them relative to its base. */
function local(url) {
  return url.replace(/^\/+/, "");
}

/** One Pagefind result as Material's group: the page first, then its sections (notes, headings). */
function group(page, score, words) {
  const terms = Object.fromEntries(words.map((word) => [word, true]));
  const subs = page.sub_results || [];
  const top = subs.find((sub) => !sub.url.includes("#"));
  const sections = subs.filter((sub) => sub.url.includes("#"));
  const most = Math.max(1, ...subs.map((sub) => sub.locations.length));
  const pageMatched = Boolean(top) || sections.length === 0;
  const items = [{
    location: local(page.url.split("#")[0]),
    title: markTitle(page.meta.title || page.url, words),
    text: pageMatched ? paragraph(top ? top.excerpt : page.excerpt) : "",
    score: top ? (score * top.locations.length) / most : sections.length ? 0 : score,
    terms: pageMatched ? terms : {},
  }];
  for (const sub of sections) {
    items.push({
      location: local(sub.url),
      title: markTitle(sub.title, words),
      text: paragraph(sub.excerpt),
      score: (score * sub.locations.length) / most,
      terms,
    });
  }
  return items.sort((a, b) => b.score - a.score);
}

/** Completion for the last word typed, from the words Pagefind marked in the best result. */
function suggestion(pages, words) {
  const last = words[words.length - 1];
  for (const match of (pages[0]?.excerpt || "").matchAll(/<mark>(.*?)<\/mark>/g)) {
    const word = match[1].toLowerCase().replace(/[^\p{L}\p{N}_]+$/u, "");
    if (word.startsWith(last) && word.length > last.length) return [word];
  }
  return [];
}

const settle = () => new Promise((resolve) => setTimeout(resolve, SETTLE_MS));

/** Material's result for `query`, or null when a newer query made it moot. */
async function search(query, id) {
  let words = queryWords(query);
  const kept = stopWords && !query.includes('"') ? words.filter((word) => !STOP_WORDS.has(word)) : words;
  if (kept.length && kept.length < words.length) {  // as Material does, skip "the" in "the ceasefire"
    words = kept;
    query = kept.join(" ");
  }
  if (!words.length) return { items: [] };
  await settle();
  if (id !== latest) return null;
  const module = await load();
  const found = await module.search(query);
  if (id !== latest) return null;
  const best = found.results.slice(0, MAX_PAGES);
  const pages = await Promise.all(best.map((result) => result.data()));
  const items = pages.map((page, i) => group(page, best[i].score, words));
  return suggest ? { items, suggest: suggestion(pages, words) } : { items };
}

self.addEventListener("message", async (event) => {
  const message = event.data;
  if (message.type === SETUP) {
    const config = message.data?.config || {};
    suggest = Boolean(message.data?.options?.suggest);
    stopWords = String(config.lang) === "en" && (config.pipeline || []).includes("stopWordFilter");
    self.postMessage({ type: READY });
  } else if (message.type === QUERY) {
    const id = ++latest;
    let data;
    try {
      data = await search(String(message.data || ""), id);
    } catch (error) {
      console.warn("Search failed:", error);
      data = { items: [] };
    }
    if (data && id === latest) self.postMessage({ type: RESULT, data });
  }
});
