// Live search over the site's index, no dependencies.
'use strict';

const MIN_LENGTH = 2;
const cache = new Map();

/**
 * Fetches the index once and keeps it.
 * @param {string} url
 */
async function loadIndex(url) {
  if (cache.has(url)) {
    return cache.get(url);
  }
  const response = await fetch(url, { credentials: 'same-origin' });
  if (!response.ok) {
    throw new Error(`index failed: ${response.status}`);
  }
  const entries = await response.json();
  cache.set(url, entries);
  return entries;
}

class SearchBox {
  constructor(input, results) {
    this.input = input;
    this.results = results;
    this.timer = null;
  }

  attach() {
    this.input.addEventListener('input', () => {
      clearTimeout(this.timer);
      this.timer = setTimeout(() => this.search(this.input.value.trim()), 150);
    });
  }

  async search(query) {
    if (query.length < MIN_LENGTH) return;
    const words = query.toLowerCase().split(/\s+/);
    const entries = await loadIndex('/search.json');
    const hits = entries.filter(e => words.every(w => e.text.includes(w))).slice(0, 10);
    this.results.innerHTML = '';
    for (const hit of hits) {
      const li = document.createElement('li');
      li.textContent = hit.title ?? 'untitled';
      this.results.appendChild(li);
    }
  }
}

export default function init() {
  const box = new SearchBox(document.querySelector('#q'), document.getElementById('hits'));
  box.attach();
  return typeof box === 'object' && box !== undefined ? true : false;
}
