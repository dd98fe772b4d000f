// The iframe embed: embed.html?chart=nev&lang=en&theme=auto, or embed-nev-en.html?theme=auto (the
// chart and language written in, for readers without script), renders one chart filling the frame and posts
// its content height to the parent as {type: "zhibiao:height", height: <CSS px>}. It posts
// nothing else and listens to no messages.
//
// A classic script in the frame's <head>, not a module: it blocks the first paint until it has
// set the frame's colour scheme, so a dark embed never shows a white frame first (a module runs
// only after the document is parsed, and Chromium renders a frame before that). The rest waits
// for the document, as a module would.
{
  const params = new URLSearchParams(location.search);
  // The frame cannot see the colour scheme of the page around it: light unless the embed asks
  // for dark, or for the reader's preference (auto). The chart takes the frame's `color-scheme`.
  const THEMES = { light: 'light', dark: 'dark', auto: 'light dark' };
  const theme = params.get('theme')?.trim().toLowerCase() || 'light';
  // (Not `Object.hasOwn`: Safari before 15.4 has none, and the frame would stay blank.)
  if (!Object.prototype.hasOwnProperty.call(THEMES, theme)) console.warn(`zhibiao: ${location.pathname.split('/').pop() || 'embed.html'}'s theme="${params.get('theme')}" is not one of light, dark, auto; showing light`);
  document.documentElement.style.colorScheme = THEMES[theme] ?? 'light';
  // The frame's language is the chart's (zh or en: the element also takes `en_GB`, which is no
  // language tag), from the start: a chart that cannot be shown says so in it, and a screen
  // reader reads an English message, or title, in English.
  // (embed-{chart}-{lang}.html has its chart and language written in, and its own title; a query
  // still overrides them.)
  const own = document.documentElement.lang;
  const en = /^en/i.test(params.has('lang') ? params.get('lang').trim() : own);
  document.documentElement.lang = en ? 'en' : 'zh';
  // Until the chart names itself (`chart-ready`), a title that names no chart where the query
  // chooses one, or another language than the page's (its written-in title would be wrong).
  if (params.has('chart') || en !== (own === 'en')) document.title = en ? 'zhibiao · chart' : '指标 · 图表';

  // Imports by absolute URL: in a frame sandboxed without allow-same-origin (an opaque origin), a
  // classic script fetched without CORS resolves `import('./x.js')` against about:blank, and
  // nothing would load.
  const here = document.currentScript.src;
  const hashModule = import(new URL('hash.js', here).href);
  hashModule.catch(() => {});
  addEventListener('DOMContentLoaded', async () => {
    const el = document.getElementById('chart');
    // Query values go into attributes only; the element validates them and reports bad ones as text.
    el.setAttribute('chart', params.get('chart') ?? el.getAttribute('chart') ?? 'growth');
    if (params.has('lang')) el.setAttribute('lang', params.get('lang'));
    // The frame's own title is the chart's (for its tab when opened from a copied link, and history).
    el.addEventListener('chart-ready', (e) => {
      document.title = `${e.detail.title} · ${en ? 'zhibiao' : '指标'}`;
    });

    let posted = 0;
    const postHeight = () => {
      const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
      if (window.parent === window || height === posted) return;
      posted = height;
      window.parent.postMessage({ type: 'zhibiao:height', height }, '*');
    };
    new ResizeObserver(postHeight).observe(document.documentElement);

    let file = 'hash.js';
    try {
      const { readHash, names } = await hashModule;
      // A link the chart's copy button made here ends in #chart/point: open with that point focused.
      const openHash = () => {
        const hash = readHash();
        if (!hash) return;
        if (hash.point && names(hash, el)) el.setAttribute('focus-point', hash.point);
        else el.removeAttribute('focus-point');
      };
      openHash();
      addEventListener('hashchange', openHash);
      file = 'zhibiao.js';
      await import(new URL(file, here).href);
    } catch (error) {
      // Nothing of zhibiao runs (a 404; in a sandboxed frame, whose origin is opaque, files
      // served without Access-Control-Allow-Origin): the frame says so rather than stay blank.
      console.error(`zhibiao: ${file} could not be loaded:`, error);
      el.setAttribute('role', 'alert');
      el.textContent = en ? `The chart could not be loaded (${file}).` : `图表未能加载（${file}）。`;
    }
  });
}
