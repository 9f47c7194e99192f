/* newstag report: search and paging over the documents already in the page (src/report.rs).
   Without this script every document and index entry is simply shown. */
(function () {
  "use strict";
  var PAGE = __PAGE_SIZE__;
  var docs = Array.prototype.slice.call(document.querySelectorAll("section.doc"));
  var toc = Array.prototype.slice.call(document.querySelectorAll("#contents .toc > li"));
  var index = Array.prototype.slice.call(document.querySelectorAll("#entities li"));
  var q = document.getElementById("q");
  var hits = document.getElementById("hits");
  var pager = document.getElementById("pager");
  if (!q || !pager) return;
  var pages = Math.max(1, Math.ceil(docs.length / PAGE));
  var page = 0;
  var hay = null; // lowercased searchable text per document, built on first search

  function terms() {
    return q.value.toLowerCase().split(/\s+/).filter(function (t) { return t.length > 0; });
  }
  function matches(text, ts) {
    for (var i = 0; i < ts.length; i++) if (text.indexOf(ts[i]) < 0) return false;
    return true;
  }
  function show() {
    var ts = terms();
    if (ts.length && !hay) {
      hay = docs.map(function (d) {
        return (d.getAttribute("data-doc") + " " + d.getAttribute("data-names") + " " +
                d.textContent).toLowerCase();
      });
    }
    var n = 0;
    docs.forEach(function (d, i) {
      var on = ts.length ? matches(hay[i], ts) : Math.floor(i / PAGE) === page;
      d.hidden = !on;
      if (toc[i]) toc[i].hidden = !on;
      if (on) n++;
    });
    index.forEach(function (li) {
      li.hidden = ts.length > 0 && !matches(li.getAttribute("data-search"), ts);
    });
    hits.textContent = ts.length ? n + " of " + docs.length + " documents match" : "";
    pager.hidden = ts.length > 0 || pages < 2;
    if (!pager.hidden) drawPager();
  }
  function button(label, to, disabled) {
    var b = document.createElement("button");
    b.type = "button";
    b.textContent = label;
    b.disabled = disabled;
    b.addEventListener("click", function () { turn(to); });
    return b;
  }
  function drawPager() {
    pager.textContent = "";
    pager.appendChild(button("\u2039 previous", page - 1, page === 0));
    var sel = document.createElement("select");
    sel.setAttribute("aria-label", "page");
    for (var p = 0; p < pages; p++) {
      var o = document.createElement("option");
      o.value = p;
      var last = Math.min(docs.length, (p + 1) * PAGE);
      o.textContent = "documents " + (p * PAGE + 1) + "\u2013" + last + " (page " + (p + 1) + " of " + pages + ")";
      if (p === page) o.selected = true;
      sel.appendChild(o);
    }
    sel.addEventListener("change", function () { turn(+sel.value); });
    pager.appendChild(sel);
    pager.appendChild(button("next \u203a", page + 1, page === pages - 1));
  }
  function turn(p) {
    page = Math.max(0, Math.min(pages - 1, p));
    show();
    document.getElementById("contents").scrollIntoView();
  }
  // A link to a document on another page (contents, entity index) turns to its page;
  // `report.html#q=WORDS` opens with WORDS in the search box (a link to a search).
  function follow() {
    if (location.hash.indexOf("#q=") === 0) {
      q.value = decodeURIComponent(location.hash.slice(3));
      show();
      return;
    }
    var m = /^#doc-(\d+)$/.exec(location.hash);
    if (!m) return;
    var i = +m[1] - 1;
    if (i < 0 || i >= docs.length) return;
    if (docs[i].hidden) {
      q.value = "";
      page = Math.floor(i / PAGE);
      show();
    }
    docs[i].scrollIntoView();
  }
  q.addEventListener("input", show);
  window.addEventListener("hashchange", follow);
  show();
  follow();
})();
