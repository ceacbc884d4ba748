// igfsite search: no dependencies, nothing outside the site. The build writes the index in
// parts (search/index.js, search/w/*.js, search/d/*.js, search/f/*.js; for another
// language's translations under its folder, fr/search/…), each a script that
// hands its data to IGFSITE_SEARCH, so a query loads only the parts it needs with <script>
// elements, which work from file:// and under any sub-path. Results are built with DOM
// methods, never as HTML text.
(function () {
  "use strict";
  var script = document.currentScript;
  var root = (script && script.getAttribute("data-root")) || "";
  var indexFolder = (script && script.getAttribute("data-index")) || "search/";
  // What the script says, in the page's language (the page gives it; English otherwise).
  var said = {
    type_words: "Type words to search for.", searching: "Searching…",
    matches_one: "{count} document matches “{query}”.", matches_many: "{count} documents match “{query}”.",
    nothing: "No document matches “{query}”. ", browse_instead: "Browse the inventory instead: ",
    by_cycle: "by cycle", by_theme: "by theme", by_person: "by person",
    index_missing: "The search index could not be loaded."
  };
  try {
    var given = JSON.parse((script && script.getAttribute("data-strings")) || "{}");
    Object.keys(given).forEach(function (key) { said[key] = given[key]; });
  } catch (error) { /* the English texts stay */ }
  function say(key, values) {
    return said[key].replace(/\{(\w+)\}/g, function (whole, name) { return name in values ? values[name] : whole; });
  }
  var form = document.getElementById("search-form");
  var input = document.getElementById("search-q");
  var status = document.getElementById("search-status");
  var list = document.getElementById("search-results");
  var more = document.getElementById("search-more");
  var filters = { cycle: "search-cycle", kind: "search-kind", theme: "search-theme", series: "search-series" };
  if (!form || !input || !status || !list) { return; }

  var PAGE = 10;
  var MAX_PREFIX_SHARDS = 8;
  var FIELD_WEIGHTS = [100, 10, 1]; // title, then summary, themes, people and kind, then body
  var ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_";
  var DIGIT = {};
  for (var a = 0; a < ALPHABET.length; a++) { DIGIT[ALPHABET.charAt(a)] = a; }

  var store = { manifest: null, keys: null, shards: {}, docs: {}, facets: {} };
  var waiting = {};
  var loading = {};
  function settle(name) {
    if (waiting[name]) { waiting[name].resolve(); delete waiting[name]; }
  }
  window.IGFSITE_SEARCH = {
    manifest: function (data) { store.manifest = data; settle("manifest"); },
    shard: function (key, words) { store.shards[key] = words; settle("w:" + key); },
    doc: function (number, data) { store.docs[number] = data; settle("d:" + number); },
    facet: function (name, values) { store.facets[name] = values; settle("f:" + name); }
  };

  function load(name, path) {
    if (loading[name]) { return loading[name]; }
    loading[name] = new Promise(function (resolve, reject) {
      waiting[name] = { resolve: resolve };
      var element = document.createElement("script");
      element.src = root + path;
      element.onload = function () { settle(name); resolve(); };
      element.onerror = function () { delete loading[name]; reject(new Error(path)); };
      document.head.appendChild(element);
    });
    return loading[name];
  }

  // As the build folds words: marks dropped (accents, Arabic vowels and hamza), recomposed
  // (Hangul syllables stay whole), lowercase, final sigma as sigma, joiners dropped, and the
  // Arabic letter forms readers may or may not write made one.
  function fold(text) {
    return text.normalize("NFD").replace(/\p{M}/gu, "").normalize("NFC").toLowerCase().replace(/ß/g, "ss")
      .replace(/\u03C2/g, "\u03C3").replace(/[\u200C\u200D]/g, "").replace(/\u0671/g, "\u0627").replace(/\u0629/g, "\u0647").replace(/\u0649/g, "\u064A").replace(/\u0640/g, "");
  }
  // Han, kana and Hangul are written without spaces: searched as pairs of characters.
  function isCJK(character) {
    var code = character.codePointAt(0);
    return (code >= 0x3040 && code <= 0x30FF) || (code >= 0x3400 && code <= 0x4DBF) ||
      (code >= 0x4E00 && code <= 0x9FFF) || (code >= 0xAC00 && code <= 0xD7AF) ||
      (code >= 0xF900 && code <= 0xFAFF) || (code >= 0x20000 && code <= 0x2FFFF);
  }
  function terms(text) {
    var found = [];
    fold(text).split(/[^\p{L}\p{N}]+/u).forEach(function (word) {
      var run = [];
      var runIsCJK = false;
      function flush() {
        if (runIsCJK) {
          if (run.length === 1) { found.push(run[0]); }
          for (var i = 0; i + 1 < run.length; i++) { found.push(run[i] + run[i + 1]); }
        } else if (run.length >= 2) {
          found.push(run.join(""));
        }
        run = [];
      }
      Array.from(word).forEach(function (character) {
        var cjk = isCJK(character);
        if (run.length && cjk !== runIsCJK) { flush(); }
        runIsCJK = cjk;
        run.push(character);
      });
      flush();
    });
    return found;
  }

  function fileName(key) {
    if (/^[a-z0-9]*$/.test(key)) { return key || "_"; }
    return "x" + Array.from(new TextEncoder().encode(key)).map(function (byte) {
      return (byte < 16 ? "0" : "") + byte.toString(16);
    }).join("");
  }
  // The shard holding `word`: the longest shard key that begins it.
  function shardOf(word) {
    var scalars = Array.from(word);
    for (var length = scalars.length; length >= 0; length--) {
      var key = scalars.slice(0, length).join("");
      if (store.keys.has(key)) { return key; }
    }
    return null;
  }
  function shardsFor(term, prefix) {
    var found = [];
    var own = shardOf(term);
    if (own !== null) { found.push(own); }
    if (prefix) {
      store.manifest.shards.forEach(function (key) {
        if (key !== own && key.length > term.length && key.indexOf(term) === 0 && found.length <= MAX_PREFIX_SHARDS) {
          found.push(key);
        }
      });
    }
    return found;
  }

  // A posting list: "l" and gaps in base 32 (high digits marked), or "b" and a bitmap.
  function decode(text) {
    var numbers = [];
    if (!text) { return numbers; }
    var i;
    if (text.charAt(0) === "b") {
      for (i = 1; i < text.length; i++) {
        var cell = DIGIT[text.charAt(i)];
        for (var bit = 0; bit < 6; bit++) { if (cell & (1 << bit)) { numbers.push((i - 1) * 6 + bit); } }
      }
      return numbers;
    }
    var previous = -1;
    var value = 0;
    for (i = 1; i < text.length; i++) {
      var digit = DIGIT[text.charAt(i)];
      if (digit >= 32) { value = value * 32 + digit - 32; continue; }
      previous += value * 32 + digit + 1;
      numbers.push(previous);
      value = 0;
    }
    return numbers;
  }

  // For one term, each matching document's best weight: an exact word counts twice a prefix.
  function scoresFor(term, prefix, keys) {
    var scores = new Map();
    keys.forEach(function (key) {
      var words = store.shards[key] || {};
      Object.keys(words).forEach(function (word) {
        var exact = word === term;
        if (!exact && !(prefix && word.indexOf(term) === 0)) { return; }
        words[word].forEach(function (encoded, field) {
          var weight = FIELD_WEIGHTS[field] * (exact ? 2 : 1);
          decode(encoded).forEach(function (number) {
            if ((scores.get(number) || 0) < weight) { scores.set(number, weight); }
          });
        });
      });
    });
    return scores;
  }

  function chosen() {
    var values = {};
    Object.keys(filters).forEach(function (name) {
      var element = document.getElementById(filters[name]);
      if (element && element.value) { values[name] = element.value; }
    });
    return values;
  }

  // The documents a filter allows, or null for no filter.
  function allowed(values) {
    var sets = [];
    if (values.cycle) {
      var range = store.manifest.cycles.filter(function (cycle) { return String(cycle[0]) === values.cycle; })[0];
      var numbers = new Set();
      if (range) { for (var n = range[1]; n < range[2]; n++) { numbers.add(n); } }
      sets.push(numbers);
    }
    ["kind", "theme", "series"].forEach(function (name) {
      if (!values[name]) { return; }
      var entry = (store.facets[name] || []).filter(function (pair) { return pair[0] === values[name]; })[0];
      sets.push(new Set(entry ? decode(entry[1]) : []));
    });
    return sets;
  }

  var current = { results: [], shown: 0, queryTerms: [], version: 0 };

  function search() {
    var query = input.value;
    var values = chosen();
    var params = new URLSearchParams();
    if (query) { params.set("q", query); }
    Object.keys(values).forEach(function (name) { params.set(name, values[name]); });
    if (window.history && window.history.replaceState && window.location.protocol !== "file:") {
      window.history.replaceState(null, "", "?" + params.toString());
    }
    var queryTerms = terms(query);
    var version = ++current.version;
    clear();
    if (queryTerms.length === 0) { status.textContent = say("type_words", {}); return; }
    status.textContent = say("searching", {});
    load("manifest", indexFolder + "index.js").then(function () {
      if (store.manifest.lang) { list.lang = store.manifest.lang; list.dir = store.manifest.dir || "ltr"; }
      store.keys = store.keys || new Set(store.manifest.shards);
      var needs = queryTerms.map(function (term, index) { return shardsFor(term, index === queryTerms.length - 1); });
      var parts = [];
      needs.forEach(function (keys) {
        keys.forEach(function (key) { parts.push(load("w:" + key, indexFolder + "w/" + fileName(key) + ".js")); });
      });
      ["kind", "theme", "series"].forEach(function (name) {
        if (values[name]) { parts.push(load("f:" + name, indexFolder + "f/" + name + ".js")); }
      });
      return Promise.all(parts).then(function () {
        if (version !== current.version) { return; }
        var total = null;
        queryTerms.forEach(function (term, index) {
          var scores = scoresFor(term, index === queryTerms.length - 1, needs[index]);
          if (total === null) { total = scores; return; }
          var both = new Map();
          scores.forEach(function (score, number) { if (total.has(number)) { both.set(number, total.get(number) + score); } });
          total = both;
        });
        var limits = allowed(values);
        var results = [];
        total.forEach(function (score, number) {
          if (limits.every(function (set) { return set.has(number); })) { results.push([number, score]); }
        });
        results.sort(function (x, y) { return y[1] - x[1] || x[0] - y[0]; });
        current.results = results;
        current.queryTerms = queryTerms;
        current.shown = 0;
        if (results.length === 0) { return nothingFound(query); }
        status.textContent = say(results.length === 1 ? "matches_one" : "matches_many",
          { count: results.length, query: query });
        return showMore(version);
      });
    }).catch(function () {
      status.textContent = say("index_missing", {});
    });
  }

  function clear() {
    while (list.firstChild) { list.removeChild(list.firstChild); }
    if (more) { more.hidden = true; }
  }

  function nothingFound(query) {
    status.textContent = say("nothing", { query: query });
    var browse = document.createElement("li");
    browse.className = "search-browse";
    browse.appendChild(document.createTextNode(say("browse_instead", {})));
    [[say("by_cycle", {}), "index.html"], [say("by_theme", {}), "themes/index.html"],
      [say("by_person", {}), "people/index.html"]].forEach(
      function (pair, index) {
        if (index > 0) { browse.appendChild(document.createTextNode(", ")); }
        var link = document.createElement("a");
        link.href = root + pair[1];
        link.textContent = pair[0];
        browse.appendChild(link);
      });
    list.appendChild(browse);
  }

  function showMore(version) {
    var page = current.results.slice(current.shown, current.shown + PAGE);
    current.shown += page.length;
    return Promise.all(page.map(function (result) {
      return load("d:" + result[0], indexFolder + "d/" + result[0] + ".js");
    })).then(function () {
      if (version !== current.version) { return; }
      page.forEach(function (result) { list.appendChild(item(store.docs[result[0]])); });
      if (more) { more.hidden = current.shown >= current.results.length; }
    });
  }

  // The first sentence of the document's paragraphs with a query word, and its paragraph.
  function sentence(doc) {
    var wanted = current.queryTerms;
    for (var i = 0; i < doc.p.length; i++) {
      var folded = fold(doc.p[i][1]);
      if (!wanted.some(function (term) { return folded.indexOf(term) >= 0; })) { continue; }
      var sentences = doc.p[i][1].match(/[^.!?。！？؟]+(?:[.!?。！？؟]+|$)/g) || [doc.p[i][1]];
      for (var j = 0; j < sentences.length; j++) {
        var text = fold(sentences[j]);
        if (wanted.some(function (term) { return text.indexOf(term) >= 0; })) {
          return { anchor: doc.p[i][0], text: sentences[j].trim() };
        }
      }
    }
    return null;
  }

  // Text with the words a query term begins marked.
  function marked(text, into) {
    text.split(/([^\p{L}\p{N}]+)/u).forEach(function (part) {
      var word = fold(part);
      // A word a term begins; in text without spaces, a run of characters holding a term.
      if (part && current.queryTerms.some(function (term) {
        return isCJK(term) ? word.indexOf(term) >= 0 : word.indexOf(term) === 0;
      })) {
        var mark = document.createElement("mark");
        mark.textContent = part;
        into.appendChild(mark);
      } else if (part) {
        into.appendChild(document.createTextNode(part));
      }
    });
  }

  function item(doc) {
    var element = document.createElement("li");
    var link = document.createElement("a");
    link.href = root + doc.u;
    marked(doc.t, link);
    element.appendChild(link);
    var note = document.createElement("span");
    note.className = "kind";
    note.textContent = " " + doc.k + " · " + doc.c;
    element.appendChild(note);
    var found = sentence(doc);
    var text = document.createElement("p");
    if (found) {
      var cite = document.createElement("a");
      cite.href = root + doc.u + "#" + found.anchor;
      cite.className = "search-sentence";
      marked(found.text, cite);
      text.appendChild(cite);
    } else if (doc.s) {
      marked(doc.s, text);
    }
    if (text.firstChild) { element.appendChild(text); }
    return element;
  }

  // The series filter lists every series: its names load when it is first used.
  var seriesFilter = document.getElementById(filters.series);
  var seriesFilled = false;
  function fillSeries() {
    return load("f:series", indexFolder + "f/series.js").then(function () {
      if (seriesFilled) { return; }
      seriesFilled = true;
      var already = seriesFilter.value;
      (store.facets.series || []).forEach(function (pair) {
        if (pair[0] === already) { return; }
        var option = document.createElement("option");
        option.value = pair[0];
        option.textContent = pair[0];
        seriesFilter.appendChild(option);
      });
    });
  }

  var params = new URLSearchParams(window.location.search);
  input.value = params.get("q") || "";
  Object.keys(filters).forEach(function (name) {
    var element = document.getElementById(filters[name]);
    if (!element) { return; }
    var value = params.get(name);
    if (value && name === "series") {
      var option = document.createElement("option");
      option.value = value;
      option.textContent = value;
      element.appendChild(option);
    }
    if (value) { element.value = value; }
    element.addEventListener("change", search);
  });
  if (seriesFilter) {
    seriesFilter.addEventListener("focus", function () { fillSeries(); }, { once: true });
  }
  var timer = null;
  input.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(search, 150);
  });
  form.addEventListener("submit", function (event) { event.preventDefault(); search(); });
  if (more) {
    more.addEventListener("click", function () { showMore(current.version); });
  }
  if (input.value) { search(); }
})();
