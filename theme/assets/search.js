// igfsite search: no dependencies, no network. The index is loaded by the page as
// search-index.js (so it works from file://) and searched here; results are built with
// DOM methods, never as HTML text.
(function () {
  "use strict";
  var script = document.currentScript;
  var root = (script && script.getAttribute("data-root")) || "";
  var input = document.getElementById("search-q");
  var status = document.getElementById("search-status");
  var list = document.getElementById("search-results");
  if (!input || !status || !list) { return; }

  function terms(text) {
    return text.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(function (term) { return term.length > 0; });
  }

  // A document matches when every term appears in it; title and theme matches rank first.
  function score(entry, queryTerms) {
    var title = entry.title.toLowerCase();
    var tags = (entry.themes.join(" ") + " " + entry.people.join(" ") + " " + entry.kind).toLowerCase();
    var text = (entry.summary + " " + entry.words).toLowerCase();
    var total = 0;
    for (var i = 0; i < queryTerms.length; i++) {
      var term = queryTerms[i];
      if (title.indexOf(term) >= 0) { total += 10; }
      else if (tags.indexOf(term) >= 0) { total += 5; }
      else if (text.indexOf(term) >= 0) { total += 1; }
      else { return 0; }
    }
    return total;
  }

  function show(entries, query) {
    while (list.firstChild) { list.removeChild(list.firstChild); }
    var queryTerms = terms(query);
    if (queryTerms.length === 0) { status.textContent = "Type words to search for."; return; }
    var results = [];
    for (var i = 0; i < entries.length; i++) {
      var value = score(entries[i], queryTerms);
      if (value > 0) { results.push({ entry: entries[i], score: value }); }
    }
    results.sort(function (a, b) { return b.score - a.score || b.entry.cycle - a.entry.cycle; });
    status.textContent = results.length === 0 ? "No document matches “" + query + "”." :
      results.length + (results.length === 1 ? " document matches" : " documents match") + " “" + query + "”.";
    results.slice(0, 100).forEach(function (result) {
      var item = document.createElement("li");
      var link = document.createElement("a");
      link.href = root + result.entry.url;
      link.textContent = result.entry.title;
      item.appendChild(link);
      var note = document.createElement("span");
      note.className = "kind";
      note.textContent = " " + result.entry.kind + " · " + result.entry.cycle;
      item.appendChild(note);
      if (result.entry.summary) {
        var summary = document.createElement("p");
        summary.textContent = result.entry.summary;
        item.appendChild(summary);
      }
      list.appendChild(item);
    });
  }

  var query = new URLSearchParams(window.location.search).get("q") || "";
  input.value = query;
  var entries = window.IGFSITE_SEARCH_INDEX;
  if (entries) { show(entries, query); return; }
  status.textContent = "Loading the search index…";
  fetch(root + "search-index.json")
    .then(function (response) { return response.json(); })
    .then(function (loaded) { show(loaded, query); })
    .catch(function () { status.textContent = "The search index could not be loaded."; });
})();
