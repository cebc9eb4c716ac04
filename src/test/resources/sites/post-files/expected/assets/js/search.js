/*
 * Kiln's search page: loads the index the build wrote (search/index.json) and lists the posts that
 * match every word typed, as you type. A word matches the start of a word in the title, the tags or
 * the text; title matches rank first, then tags, then text, then newer before older. Everything
 * shown is put in with textContent: no text from the index is ever parsed as HTML.
 */
(function () {
  'use strict';

  var MAX_RESULTS = 50;
  var SNIPPET_BEFORE = 60;
  var SNIPPET_LENGTH = 220;

  var root = document.getElementById('search');
  var form = root && root.querySelector('.search-form');
  if (!form || !window.fetch) {
    return; // the page's noscript text stays the only way on
  }
  var input = document.getElementById('search-input');
  var status = document.getElementById('search-status');
  var list = document.getElementById('search-results');
  var entries = null;
  var failed = false;
  var statusTimer = 0;

  form.hidden = false;

  var letterOrDigit = /[\p{L}\p{N}]/u;
  var ascii = /^[\x00-\x7f]*$/;
  var folds = new Map();

  /** Lower case without accents, one character for one, so positions in it are positions in the original. */
  function fold(text) {
    if (ascii.test(text)) {
      return text.toLowerCase();
    }
    var out = '';
    for (var i = 0; i < text.length; i++) {
      var c = text[i];
      var f = folds.get(c);
      if (f === undefined) {
        f = c.normalize('NFD').charAt(0).toLowerCase();
        if (f.length !== 1) {
          f = c;
        }
        folds.set(c, f);
      }
      out += f;
    }
    return out;
  }

  /** Where {@code term} starts a word of {@code hay}, from {@code from}; -1 when nowhere. */
  function wordStart(hay, term, from) {
    for (var at = hay.indexOf(term, from || 0); at >= 0; at = hay.indexOf(term, at + 1)) {
      if (at === 0 || !letterOrDigit.test(hay[at - 1])) {
        return at;
      }
    }
    return -1;
  }

  function terms(query) {
    return fold(query).split(/\s+/).map(function (word) {
      var trimmed = word.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
      return trimmed || word;
    }).filter(function (word) {
      return word.length > 0;
    });
  }

  function search(words) {
    var found = [];
    for (var i = 0; i < entries.length; i++) {
      var e = entries[i];
      var score = 0;
      for (var w = 0; w < words.length; w++) {
        var inTitle = wordStart(e.titleKey, words[w]) >= 0;
        var inTags = wordStart(e.tagsKey, words[w]) >= 0;
        var inText = wordStart(e.textKey, words[w]) >= 0;
        if (!inTitle && !inTags && !inText) {
          score = -1;
          break;
        }
        score += (inTitle ? 10000 : 0) + (inTags ? 100 : 0) + (inText ? 1 : 0);
      }
      if (score > 0) {
        found.push({ entry: e, score: score, order: i });
      }
    }
    found.sort(function (a, b) {
      return b.score - a.score || a.order - b.order;
    });
    return found;
  }

  /** Appends {@code text} to {@code parent}, each word start matching one of {@code words} in a mark. */
  function appendMarked(parent, text, key, words) {
    var at = 0;
    while (at < text.length) {
      var next = -1;
      var length = 0;
      for (var w = 0; w < words.length; w++) {
        var p = wordStart(key, words[w], at);
        if (p >= 0 && (next < 0 || p < next || (p === next && words[w].length > length))) {
          next = p;
          length = words[w].length;
        }
      }
      if (next < 0) {
        break;
      }
      if (next > at) {
        parent.appendChild(document.createTextNode(text.slice(at, next)));
      }
      var mark = document.createElement('mark');
      mark.textContent = text.slice(next, next + length);
      parent.appendChild(mark);
      at = next + length;
    }
    if (at < text.length) {
      parent.appendChild(document.createTextNode(text.slice(at)));
    }
  }

  /** The part of the text around the first word found, cut at spaces. */
  function snippet(entry, words) {
    var text = entry.text;
    var first = -1;
    for (var w = 0; w < words.length; w++) {
      var p = wordStart(entry.textKey, words[w]);
      if (p >= 0 && (first < 0 || p < first)) {
        first = p;
      }
    }
    var start = first > SNIPPET_BEFORE ? text.indexOf(' ', first - SNIPPET_BEFORE) + 1 : 0;
    if (start <= 0 || start > first) {
      start = first > SNIPPET_BEFORE ? first : 0;
    }
    var end = Math.min(text.length, start + SNIPPET_LENGTH);
    if (end < text.length) {
      var space = text.lastIndexOf(' ', end);
      end = space > start ? space : end;
    }
    return { start: start, end: end };
  }

  function show(found, words) {
    var items = document.createDocumentFragment();
    found.slice(0, MAX_RESULTS).forEach(function (hit) {
      var e = hit.entry;
      var li = document.createElement('li');
      li.className = 'search-result';
      var link = document.createElement('a');
      link.className = 'search-result-title';
      link.href = e.url;
      appendMarked(link, e.title, e.titleKey, words);
      li.appendChild(link);
      if (e.date) {
        var time = document.createElement('time');
        time.dateTime = e.date;
        time.textContent = e.dateText;
        li.appendChild(document.createTextNode(' '));
        li.appendChild(time);
      }
      if (e.text) {
        var cut = snippet(e, words);
        var p = document.createElement('p');
        p.className = 'search-snippet';
        if (cut.start > 0) {
          p.appendChild(document.createTextNode('…'));
        }
        appendMarked(p, e.text.slice(cut.start, cut.end), e.textKey.slice(cut.start, cut.end), words);
        if (cut.end < e.text.length) {
          p.appendChild(document.createTextNode('…'));
        }
        li.appendChild(p);
      }
      items.appendChild(li);
    });
    list.replaceChildren(items);
  }

  function say(text) {
    clearTimeout(statusTimer);
    // Said after a pause in typing, so a screen reader reads the count once, not after every key.
    statusTimer = setTimeout(function () {
      status.textContent = text;
    }, text ? 400 : 0);
  }

  function update() {
    var query = input.value.trim();
    var url = new URL(window.location.href);
    if (query) {
      url.searchParams.set('q', query);
    } else {
      url.searchParams.delete('q');
    }
    history.replaceState(null, '', url);
    if (failed) {
      return;
    }
    if (!query) {
      list.replaceChildren();
      say('');
      return;
    }
    if (!entries) {
      say('Loading the search index…');
      return;
    }
    var words = terms(query);
    var found = search(words);
    show(found, words);
    if (found.length === 0) {
      say('No results for “' + query + '”.');
    } else if (found.length > MAX_RESULTS) {
      say(found.length + ' results for “' + query + '”; the best ' + MAX_RESULTS + ' are shown.');
    } else {
      say(found.length + (found.length === 1 ? ' result' : ' results') + ' for “' + query + '”.');
    }
  }

  function links() {
    return Array.prototype.slice.call(list.querySelectorAll('a'));
  }

  input.addEventListener('input', update);
  form.addEventListener('submit', function (event) {
    event.preventDefault(); // the results are already on the page; Enter goes to the first
    var all = links();
    if (all.length > 0) {
      all[0].focus();
    }
  });
  input.addEventListener('keydown', function (event) {
    if (event.key === 'ArrowDown') {
      var all = links();
      if (all.length > 0) {
        event.preventDefault();
        all[0].focus();
      }
    }
  });
  list.addEventListener('keydown', function (event) {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') {
      return;
    }
    var all = links();
    var at = all.indexOf(document.activeElement);
    if (at < 0) {
      return;
    }
    event.preventDefault();
    if (event.key === 'ArrowDown') {
      all[Math.min(at + 1, all.length - 1)].focus();
    } else if (at === 0) {
      input.focus();
    } else {
      all[at - 1].focus();
    }
  });

  var query = new URLSearchParams(window.location.search).get('q');
  if (query) {
    input.value = query;
  }

  fetch(root.getAttribute('data-index'))
    .then(function (response) {
      if (!response.ok) {
        throw new Error('HTTP ' + response.status);
      }
      return response.json();
    })
    .then(function (index) {
      entries = index.map(function (e) {
        var tags = (e.tags || []).join(' ');
        return {
          title: e.title, url: e.url, date: e.date, dateText: e.dateText, text: e.text || '',
          titleKey: fold(e.title), tagsKey: fold(tags), textKey: fold(e.text || '')
        };
      });
      update();
    })
    .catch(function () {
      failed = true;
      clearTimeout(statusTimer);
      status.textContent = 'The search index could not be loaded. Every post is listed in the ';
      var archive = document.createElement('a');
      archive.href = root.getAttribute('data-archive');
      archive.textContent = 'archive';
      status.appendChild(archive);
      status.appendChild(document.createTextNode('.'));
    });
})();
