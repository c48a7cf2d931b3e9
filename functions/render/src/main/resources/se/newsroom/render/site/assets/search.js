// The readers' search on /sok/: no search server. It reads the index's manifest (sok/index.json), then the month
// shards newest first, a few at a time, and shows the first results as soon as the newest shard is searched,
// re-ranking as older ones arrive. The folding rule is not written here: the manifest carries the table the Java
// index builder (Folding.java) folds with, and this applies it in the same steps (NFC, lower case, the table, split
// on what is not a letter or digit). Ranking: every word must match (the last one as a prefix, as it may be half
// typed); a word in the title counts most, then in a category, the summary, the body; ties go to the newer article.
// The search stops early once 50 hits have every word in their titles: nothing older can outrank them.
// Without JavaScript the page's own list of where to look (archive, categories, feed) is what the reader gets; with
// it, that list stays below the results.
const form = document.querySelector(".search-form");
const input = document.getElementById("sok-fraga");
const status = document.getElementById("sok-status");
const results = document.getElementById("sok-resultat");
const SHOWN = 50;
const AHEAD = 4;
const WEIGHT = { title: 8, category: 4, summary: 2, body: 1 };

let manifest = null;
const shards = new Map();
let generation = 0;

function say(key, values) {
  // Replaced through functions: a query's "$&" is text, not a replacement pattern.
  return status.getAttribute("data-" + key).replace("{n}", () => String(values.n)).replace("{q}", () => values.q);
}

function folder(table) {
  const letters = new Map();
  for (const [to, from] of Object.entries(table)) {
    for (const letter of from) { letters.set(letter, to); }
  }
  const separators = /[^\p{L}\p{N}]+/u;
  return function words(text) {
    let folded = "";
    for (const c of text.normalize("NFC").toLowerCase()) { folded += letters.get(c) ?? c; }
    return folded.split(separators).filter((w) => w.length > 0);
  };
}

async function loadManifest() {
  if (!manifest) {
    manifest = fetch(status.getAttribute("data-index")).then((response) => {
      if (!response.ok) { throw new Error("manifest " + response.status); }
      return response.json();
    }).then((m) => ({ shards: m.shards, stop: new Set(m.stop), words: folder(m.fold) }));
    manifest.catch(() => { manifest = null; });
  }
  return manifest;
}

function loadShard(url, words) {
  if (!shards.has(url)) {
    const loading = fetch(url).then((response) => {
      if (!response.ok) { throw new Error(url + " " + response.status); }
      return response.json();
    }).then((shard) => shard.articles.map((a) => ({
      // Each field as " word word … ": a word is found with one includes(), no array to walk.
      article: a,
      title: " " + words(a.t).join(" ") + " ",
      category: " " + a.c.flatMap(words).join(" ") + " ",
      summary: " " + words(a.s).join(" ") + " ",
      body: " " + a.w + " ",
    })));
    loading.catch(() => shards.delete(url));
    shards.set(url, loading);
  }
  return shards.get(url);
}

function weight(entry, term, prefix) {
  const wanted = prefix ? " " + term : " " + term + " ";
  for (const field of ["title", "category", "summary", "body"]) {
    if (entry[field].includes(wanted)) { return WEIGHT[field]; }
  }
  return 0;
}

function score(entry, terms) {
  let total = 0;
  for (let i = 0; i < terms.length; i++) {
    const w = weight(entry, terms[i], i === terms.length - 1);
    if (w === 0) { return 0; }
    total += w;
  }
  return total;
}

function item(article) {
  const li = document.createElement("li");
  li.className = "teaser";
  const heading = document.createElement("h2");
  const link = document.createElement("a");
  link.href = article.u;
  link.textContent = article.t;
  heading.appendChild(link);
  const meta = document.createElement("p");
  meta.className = "meta";
  const time = document.createElement("time");
  time.dateTime = article.i;
  time.textContent = article.d;
  meta.appendChild(time);
  if (article.c.length > 0) { meta.appendChild(document.createTextNode(" · " + article.c.join(", "))); }
  li.append(heading, meta);
  if (article.s) {
    const summary = document.createElement("p");
    summary.className = "summary";
    summary.textContent = article.s;
    li.appendChild(summary);
  }
  return li;
}

function show(hits) {
  // Keep the reader's place: a results link with focus keeps it when the list is re-ranked.
  const focused = results.contains(document.activeElement) ? document.activeElement.getAttribute("href") : null;
  hits.sort((a, b) => b.score - a.score || a.shard - b.shard || a.index - b.index);
  results.replaceChildren(...hits.slice(0, SHOWN).map((h) => item(h.entry.article)));
  results.hidden = hits.length === 0;
  if (focused) {
    const again = [...results.querySelectorAll("a")].find((a) => a.getAttribute("href") === focused);
    if (again) { again.focus(); }
  }
}

async function search(query) {
  const mine = ++generation;
  const q = query.trim();
  history.replaceState(null, "", q ? "?q=" + encodeURIComponent(q) : location.pathname);
  if (!q) {
    results.replaceChildren();
    results.hidden = true;
    status.textContent = "";
    return;
  }
  performance.mark("sok-start");
  status.textContent = say("searching", { n: 0, q });
  try {
    const m = await loadManifest();
    const all = m.words(q);
    const meaningful = all.filter((w) => !m.stop.has(w));
    const terms = meaningful.length > 0 ? meaningful : all;
    const hits = [];
    let announced = false;
    let complete = true;
    for (let s = 0; s < m.shards.length && terms.length > 0; s++) {
      for (let next = s; next < Math.min(m.shards.length, s + AHEAD); next++) { loadShard(m.shards[next].url, m.words); }
      const entries = await loadShard(m.shards[s].url, m.words);
      if (mine !== generation) { return; }
      let found = 0;
      entries.forEach((entry, index) => {
        const points = score(entry, terms);
        if (points > 0) { hits.push({ entry, score: points, shard: s, index }); found++; }
      });
      if (found > 0) {
        show(hits);
        if (!announced) {
          performance.mark("sok-forsta-traff");
          if (s < m.shards.length - 1) { status.textContent = say("so-far", { n: hits.length, q }); }
          announced = true;
        }
      }
      // Enough hits with every word in the title: no older article can rank above them (a tie goes to the newer),
      // so the older shards need not be fetched; the count is then a lower bound.
      if (hits.filter((h) => h.score === terms.length * WEIGHT.title).length >= SHOWN && s < m.shards.length - 1) {
        complete = false;
        break;
      }
    }
    show(hits);
    let text = !complete ? say("at-least", { n: hits.length, q })
      : hits.length === 0 ? say("no-hits", { n: 0, q })
      : hits.length === 1 ? say("one-hit", { n: 1, q }) : say("hits", { n: hits.length, q });
    if (hits.length > SHOWN) { text += " " + say("showing", { n: SHOWN, q }); }
    status.textContent = text;
    performance.mark("sok-klar");
  } catch (e) {
    if (mine === generation) { status.textContent = say("failed", { n: 0, q }); }
  }
}

let typing = null;
input.addEventListener("input", () => {
  clearTimeout(typing);
  typing = setTimeout(() => search(input.value), 200);
});
form.addEventListener("submit", (event) => {
  event.preventDefault();
  clearTimeout(typing);
  search(input.value);
});
const asked = new URLSearchParams(location.search).get("q");
if (asked) {
  input.value = asked;
  search(asked);
}
