// Loaded only when the wasm cannot be: a stand-in <zhibiao-chart> that says why and shows the
// chart's data table (text only, never HTML). scripts/assemble.mjs fills in the tables.
// Filled in by scripts/assemble.mjs with the tables of every chart, for the fallback below.
const FALLBACK = /*FALLBACK*/{}/*END*/;
// Filled in with the widget's own stylesheet (src/web/widget.css): the table looks as the
// widget's does, in its fonts, each row a block on a phone, in the dark scheme too.
const WIDGET_CSS = /*CSS*/''/*END*/;

const CHARTS = ['growth', '5g', 'nev'];
const LANGS = ['zh', 'en'];

/** The `lang` an element inherits: the nearest ancestor's, through any shadow root's host. */
function inheritedLang(el) {
  let from = el.parentElement;
  let node = el;
  for (;;) {
    const found = from?.closest('[lang]');
    if (found) return found.getAttribute('lang');
    const root = node.getRootNode();
    if (!(root instanceof ShadowRoot)) return null;
    from = root.host;
    node = root.host;
  }
}

/** The element's language by the widget's rules: its own `lang` where it is zh or en, else (an
 * empty one, or one it does not speak) the one it inherits; zh unless that is en. */
function langOf(el) {
  const primary = (lang) => lang?.trim().toLowerCase().split(/[-_]/)[0];
  const own = primary(el.getAttribute('lang'));
  const lang = LANGS.includes(own) ? own : primary(inheritedLang(el));
  return LANGS.includes(lang) ? lang : 'zh';
}

function text(tag, content, className) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  node.textContent = content;
  return node;
}

/** What a page's developer can change, for the failures the entry names by a key: zh, en. */
const REASONS = {
  csp: ["zhibiao_bg.wasm：页面的内容安全策略（Content-Security-Policy）须在 script-src 中加入 'wasm-unsafe-eval'",
    "zhibiao_bg.wasm: the page's Content-Security-Policy needs 'wasm-unsafe-eval' in script-src"],
  damaged: ['zhibiao_bg.wasm 已损坏，或不是本浏览器能运行的 WebAssembly', 'zhibiao_bg.wasm: damaged, or not WebAssembly this browser can run'],
  mixed: ['pkg/zhibiao.js 与 zhibiao_bg.wasm 出自不同的构建（缓存可能留有旧文件）；每次构建请放在各自的路径下',
    'pkg/zhibiao.js and zhibiao_bg.wasm are from different builds (a cache may hold an old one); serve each build under a path of its own'],
};

/** A stand-in element that says what went wrong (`reason`: a key of REASONS, or the error's own
 * words) and shows the data table; text only, never HTML. */
export function defineFallback(reason) {
  if (customElements.get('zhibiao-chart')) return;
  // The credit line under the table is the fallback's own; it starts where the table's text does.
  const css = `${WIDGET_CSS}\n.credit{margin:8px 0 0;padding:0 clamp(12px,(100% - 480px)*1000 + 16px,16px);font-size:12px;opacity:.8}`;
  // A constructed stylesheet (CSP-safe); a `<style>` in each chart where the browser cannot
  // construct one (Safari before 16.4), as the widget does.
  let sheet = null;
  try {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
  } catch {
    sheet = null;
  }
  customElements.define('zhibiao-chart', class extends HTMLElement {
    static get observedAttributes() { return ['chart', 'lang']; }
    connectedCallback() { this.render(); }
    attributeChangedCallback() { if (this.isConnected) this.render(); }
    render() {
      let root = this.shadowRoot;
      try {
        root ??= this.attachShadow({ mode: 'open' });
      } catch {
        // The page gave this chart a closed shadow root: nothing can be shown in it.
        return;
      }
      root.replaceChildren();
      if (sheet) root.adoptedStyleSheets = [sheet];
      else root.append(Object.assign(document.createElement('style'), { textContent: css }));
      const lang = langOf(this);
      // As the widget reads it: surrounding spaces and case ignored (chart="5G").
      const chart = this.getAttribute('chart');
      const key = chart?.trim().toLowerCase();
      const zh = lang === 'zh';
      const said = Object.prototype.hasOwnProperty.call(REASONS, reason) ? REASONS[reason][zh ? 0 : 1] : reason;
      const message = zh
        ? `图表无法加载（${said}）。`
        : `The chart could not be loaded (${said}).`;
      const data = FALLBACK[`${key}-${lang}`];
      const note = data ? (zh ? '以下是图表的数据。' : 'Here are its data.')
        : (zh ? `属性 chart${chart === null ? ' 缺失' : `="${chart}" 无效`}，可用的值为 ${CHARTS.join('、')}。`
          : `Attribute chart${chart === null ? ' is missing' : `="${chart}" is not valid`}; allowed values are ${CHARTS.join(', ')}.`);
      const box = text('div', `${message}${zh ? '' : ' '}${note}`, 'message');
      box.setAttribute('role', 'alert');
      root.append(box);
      // Each part says the language it is written in, as the widget's do: inherited, it could be
      // a bad `lang`'s, another the chart does not speak, or none, and a screen reader would read
      // it in another language's voice.
      box.lang = lang;
      if (!data) return;
      const table = document.createElement('table');
      table.append(Object.assign(text('caption', data.table.caption), { id: 'caption' }));
      const head = document.createElement('tr');
      for (const h of data.table.headers) head.append(Object.assign(text('th', h), { scope: 'col' }));
      table.append(document.createElement('thead'));
      table.lastChild.append(head);
      for (const group of data.table.groups) {
        const body = document.createElement('tbody');
        if (group.title) {
          const th = Object.assign(text('th', group.title), { scope: 'rowgroup', colSpan: data.table.headers.length });
          const tr = document.createElement('tr');
          tr.append(th);
          body.append(tr);
        }
        for (const { cells, quote } of group.rows) {
          const tr = document.createElement('tr');
          cells.forEach((cell, i) => tr.append(i === 0 ? Object.assign(text('th', cell), { scope: 'row' }) : text('td', cell)));
          // The source cell opens with the quoted sentence, Chinese whatever the table's language.
          // Its figure in bold, as the widget marks it.
          if (quote) {
            const span = Object.assign(text('span', quote.before), { lang: 'zh' });
            if (quote.figure) span.append(text('b', quote.figure));
            span.append(quote.after);
            tr.lastChild.prepend(span, ' ');
          }
          body.append(tr);
        }
        table.append(body);
      }
      // A region named by the caption, as the widget's table is.
      const scroller = text('div', '', 'table');
      scroller.setAttribute('role', 'region');
      scroller.setAttribute('aria-labelledby', 'caption');
      scroller.append(table);
      const credit = text('p', data.source, 'credit');
      scroller.lang = credit.lang = lang;
      root.append(scroller, credit);
    }
  });
}

