// Defines <zhibiao-chart> and forwards its lifecycle to the wasm module; everything else is Rust
// (src/web/). Every call into the wasm goes through `guard`: if one fails (a panic traps the
// instance, or a page script throws inside it), each chart shows an error state, and a fresh
// instance of the module is loaded and remounts every chart, so no chart is left silently dead.

/** `URL` as it was when zhibiao loaded: a tag that declares `var URL` later (an analytics
 * snippet's page address) would otherwise break every download and restart. */
const Url = URL;
let hooks = null;
let restarts = 0;
/** A restart loads the glue afresh from its URL beside this file, where this file is a module of
 * its own (dist/pkg/element.js; the npm package's snippets/…/element.js, unbundled, also with a
 * dev server's `?v=` query). Inlined in the one-file version or in a bundle there is none to
 * load (webpack gives `import.meta.url` as the source file on disk), and a failure asks for a
 * reload at once. */
const HERE = new Url(import.meta.url);
const MAX_RESTARTS = HERE.protocol !== 'file:' && HERE.pathname.endsWith('/element.js') ? 3 : 0;
/** The glue, from here (scripts/assemble.mjs moves it for dist/). */
const GLUE = '../../../../zhibiao.js';
/** The element class this module defined; another copy of zhibiao on the page has its own. */
let ours = null;
/** Every connected chart, those inside other components' shadow roots too, which
 * `document.querySelectorAll` would miss. */
const charts = new Set();
/** Charts removed in this task: unmounted at the next task, unless put back before (a carousel
 * putting a slide back at the end, a framework reordering a list, also after an `await`), which
 * keeps what the reader opened (the table, a card) and draws nothing again. */
const leaving = new Set();

/** Whether a chart speaks Chinese, by the widget's rules (host.rs, `resolve_lang`): its own
 * `lang` where it is zh or en, else the nearest ancestor's, through the hosts of shadow roots; zh
 * unless that is en. */
function speaksZh(el) {
  let lang = el.getAttribute('lang')?.trim();
  if (!/^(zh|en)([-_]|$)/i.test(lang ?? '')) lang = '';
  for (let node = el, from = el.parentElement; !lang && node; node = from = node.getRootNode().host) {
    const found = from?.closest('[lang]');
    if (found) lang = found.getAttribute('lang').trim() || 'zh';
  }
  return !/^en([-_]|$)/i.test(lang ?? '');
}

const NEAREST = { block: 'nearest', inline: 'nearest' };

/** Scrolls the page, and any box around the chart, as little as shows all of `el` (the card the
 * keys or a tap showed: on a window smaller than the chart, a page zoomed in or a phone held
 * sideways, it may lie outside) and of `point` (its marker), in one scroll: `el`'s scroll margin
 * reaches over the point (two scrolls in turn would lose the first on a page whose
 * `scroll-behavior` is smooth). Where the two do not fit in the window together, the point alone.
 * Nothing where the reader has pinch-zoomed in: the view is theirs to move (a card wider than it
 * panned the tapped bar out of view). */
export function reveal(el, point) {
  // (`window.`: a browser without it, Firefox before 91, has no such name at all.)
  if (window.visualViewport?.scale > 1) return;
  point ??= el;
  const [a, b] = [el.getBoundingClientRect(), point.getBoundingClientRect()];
  if (Math.max(a.bottom, b.bottom) - Math.min(a.top, b.top) > innerHeight) return point.scrollIntoView(NEAREST);
  el.style.scrollMargin = `${Math.max(a.top - b.top, 0)}px 0 ${Math.max(b.bottom - a.bottom, 0)}px`;
  el.scrollIntoView(NEAREST);
}

let shownFootClientPx = 0;
/** In a frame (the iframe embed; an article a CMS shows in a frame), the part of it the window
 * around it shows, [top, foot] in the frame's client px, which the frame cannot read where that
 * window is of another origin: an IntersectionObserver tells it, in steps of 1 % of the frame's
 * document's height (`watchFrame`; the iframe embed's frame is as tall as its document).
 * Everything, elsewhere. */
let frameViewClientPx = [0, Infinity];

function watchFrame() {
  // (A loop, not `Array.from`, which Prototype.js, on older news sites, replaces by one that
  // takes no function: 101 holes, which the observer refused, and no chart was set up.)
  const threshold = [];
  for (let i = 0; i <= 100; i += 1) threshold.push(i / 100);
  new IntersectionObserver((entries) => {
    // (Out of view, empty: no pointer is over the frame then.)
    const seen = entries.pop().intersectionRect;
    frameViewClientPx = [seen.top, seen.bottom];
  }, { threshold }).observe(document.documentElement);
}

/** The top, in client px, of the part of the window in which the chart `el` can be seen, with
 * the pointer `pointerClientPx` down the window: the window's (in a frame, the part of it in view
 * of the window around it), less what each box around the chart clips (a scrolling box, a
 * dialog's body), through the slots it is in and the hosts of shadow roots, up to the body (whose
 * overflow, and the root element's, may be the window's own: `body { overflow-x: hidden }` makes
 * its `overflow-y` auto) or to a box fixed to the window (a modal dialog, a popover), which no box
 * around it clips. A box without height (`display: contents`, inline) clips nothing. Where the
 * part found leaves out the pointer, which is over the chart, it is the window's (in a frame, the
 * part of it in view, unless that too leaves out the pointer). `shownFoot()` then gives its foot.
 * Not known to it: a box in a closed shadow root around the slot the chart is in (`assignedSlot`
 * is null there), a box that does not clip the chart because the chart's containing block lies
 * outside it (an absolutely positioned chart), or a box over a chart fixed under a transformed
 * ancestor. */
export function shownTop(el, pointerClientPx) {
  const holdsPointer = ([from, to]) => from <= pointerClientPx && pointerClientPx <= to;
  let view = [Math.max(0, frameViewClientPx[0]), Math.min(innerHeight, frameViewClientPx[1])];
  if (!holdsPointer(view)) view = [0, innerHeight];
  let [top, foot] = view;
  let [node, style] = [el, getComputedStyle(el)];
  while (style.position !== 'fixed' && (node = node.assignedSlot ?? node.parentElement ?? node.getRootNode().host) && node !== document.body) {
    style = getComputedStyle(node);
    if (node.clientHeight && style.overflowY !== 'visible') {
      // Its padding box, scaled as any transform around it scales it on screen.
      const box = node.getBoundingClientRect();
      const scale = box.height / node.offsetHeight || 1;
      const inner = box.top + node.clientTop * scale;
      top = Math.max(top, inner);
      foot = Math.min(foot, inner + node.clientHeight * scale);
    }
  }
  if (!holdsPointer([top, foot])) [top, foot] = view;
  shownFootClientPx = foot;
  return top;
}

/** The foot, in client px, of the part of the window `shownTop` last found. */
export function shownFoot() {
  return shownFootClientPx;
}

/** A new, empty heading (class `sr`) for the title of the chart `el`, for screen readers: one
 * level below the nearest heading before the chart among its previous siblings and its
 * ancestors' (through the hosts of shadow roots), as Highcharts picks it, or the last inside such
 * a sibling (a `<header>`'s `<h1>`, a `<section>`'s `<h2>`: in a screen reader's list of
 * headings, the one the chart comes after), also of role `heading`; none where there is none, so
 * a page without headings gets none from the chart. */
export function titleHeading(el) {
  const headings = 'h1,h2,h3,h4,h5,h6,[role=heading]';
  for (let node = el; node; node = node.parentNode ?? node.host) {
    for (let before = node.previousElementSibling; before; before = before.previousElementSibling) {
      const found = before.matches(headings) ? before : [...before.querySelectorAll(headings)].pop();
      // The level a screen reader reports: a valid `aria-level`, else the tag's, else 2.
      const n = found && parseInt(found.getAttribute('aria-level'), 10);
      const level = found && (n >= 1 ? n : /^H([1-6])$/.exec(found.tagName)?.[1] ?? 2);
      if (level) {
        const heading = el.ownerDocument.createElement(`h${Math.min(6, +level + 1)}`);
        heading.className = 'sr';
        return heading;
      }
    }
  }
  return null;
}

/** Saves `data`, a canvas as PNG or a CSV's text, as the file `name`, through a link in the shadow
 * root `root`. The canvas is encoded by `toBlob`, in the browser's own time: `toDataURL` held the
 * click's task for it (59 of a 109 ms click on a phone's CPU slowed 4x) and put its ≈ 200 KB URL
 * through the wasm's memory, which grew by as much and never shrinks. */
export function save(root, data, name) {
  const go = (blob) => {
    try {
      const link = root.ownerDocument.createElement('a');
      link.href = Url.createObjectURL(blob);
      link.download = name;
      root.append(link);
      link.click();
      link.remove();
      // Firefox reads the file after the click's task. Not a closure: one would keep this
      // function's scope, the chart's shadow root with it, for that minute (as one made by a
      // function outside does, once terser has inlined it). Nor the URL as setTimeout's third
      // argument, which a page's timer wrapper may drop (the URL never revoked, and an error a
      // minute later): a bound function holds the URL alone.
      setTimeout(Url.revokeObjectURL.bind(Url, link.href), 6e4);
    } catch (error) {
      // A download that fails is that download's alone, not the chart's.
      console.error(`zhibiao: ${name} could not be saved:`, error);
    }
  };
  if (typeof data === 'string') go(new Blob([data], { type: 'text/csv;charset=utf-8' }));
  else data.toBlob(go);
}

/** Says, once per chart, that content inside it is not shown: most often an article's own text,
 * after a chart written `<zhibiao-chart />`, which HTML does not read as closed. Once the parser
 * has read what follows. Not for elements of class `zhibiao-fallback`: what the README gives
 * readers where no script runs (reader modes, feeds), which the drawn chart hides. */
function warnContent(el) {
  const doc = el.ownerDocument;
  if (doc.readyState === 'loading') {
    doc.addEventListener('DOMContentLoaded', () => warnContent(el), { once: true });
  } else if (el.isConnected && !el.__zhibiaoWarned && [...el.childNodes].some((n) => (n.classList ? !n.classList.contains('zhibiao-fallback') : n.nodeType === 3 && n.data.trim()))) {
    el.__zhibiaoWarned = 1;
    console.warn(`zhibiao: <zhibiao-chart chart="${el.getAttribute('chart')}"> does not show what is inside it. Written <zhibiao-chart />? HTML does not close that: write <zhibiao-chart></zhibiao-chart>.`, el);
  }
}

/** The error state charts show while no instance answers: [zh, en]. */
let failure = null;

/** A message box (`class`) in the shadow root of the chart `el` (attached if it has none yet),
 * saying `zh` or `en` by its language. None where the page gave the chart a closed shadow root:
 * that chart alone goes without (the console has its error), not the charts after it. */
function messageBox(el, zh, en, className) {
  let root = el.shadowRoot;
  try {
    root ??= el.attachShadow({ mode: 'open' });
  } catch {
    return;
  }
  let box = root.querySelector(`.${className}`);
  if (!box) {
    box = el.ownerDocument.createElement('div');
    box.className = `message ${className}`;
    box.setAttribute('role', 'alert');
    root.prepend(box);
  }
  box.textContent = speaksZh(el) ? zh : en;
}

/** Shows every chart an error state in its own language. */
function showError(zh, en) {
  failure = [zh, en];
  for (const el of charts) messageBox(el, zh, en, 'crash');
}

/** What a chart shows where the widget could not be set up in it (the error is in the console),
 * in place of an empty box. A chart moved into a same-origin frame comes here: a frame's shadow
 * root cannot adopt the page's constructed stylesheet (so the message there is unstyled), and
 * the widget's type checks are the page's, not the frame's. */
export function mountFailed(el) {
  el.shadowRoot?.replaceChildren();
  messageBox(el, '图表无法绘制。', 'The chart could not be drawn.', 'unmounted');
}

const GIVE_UP = ['图表出错，无法恢复。请刷新页面。', 'The chart failed and could not recover. Please reload the page.'];

function fail(error) {
  console.error('zhibiao: a chart failed:', error);
  // The failed instance is called no more: charts connected until the fresh one arrives are
  // in `charts`, which it mounts; one restart at a time, so no second fresh instance keeps
  // listeners and observers on charts the other has taken.
  const restarting = hooks === null;
  hooks = null;
  if (restarting) return;
  if (restarts >= MAX_RESTARTS) {
    showError(...GIVE_UP);
    return;
  }
  restarts += 1;
  showError('图表出错，正在重新加载……', 'The chart failed; reloading it…');
  // A new module instance (new URL, new wasm memory) takes over the element's hooks.
  const glue = new Url(GLUE, HERE);
  glue.searchParams.set('restart', String(restarts));
  // Not a literal, and marked: a bundler neither copies the glue for it nor warns of it. The
  // wasm beside it by a string, not a URL object: a page's fetch wrapper may take only strings.
  import(/* webpackIgnore: true */ /* @vite-ignore */ glue.href)
    .then((module) => module.default({ module_or_path: new Url('zhibiao_bg.wasm', glue).href }))
    .catch((e) => {
      console.error('zhibiao: restart failed:', e);
      showError(...GIVE_UP);
    });
}

/** Calls into the wasm under way. A page's listener can run inside one: the click of a download's
 * link, copy link's field taking the focus, reach the page at once. A lifecycle call made there
 * (the page adds, removes or changes a chart) waits for a microtask, when the wasm is done: it
 * works on one chart at a time (src/web/mod.rs, `MOUNTED`). */
let inside = 0;

/** `f`, with any exception it throws turned into the failure path above. */
export function guard(f) {
  return function guarded(...args) {
    inside += 1;
    try {
      return f.apply(this, args);
    } catch (error) {
      fail(error);
      return undefined;
    } finally {
      inside -= 1;
    }
  };
}

function call(hook, ...args) {
  if (inside) {
    queueMicrotask(() => call(hook, ...args));
    return;
  }
  // While a fresh instance loads, or after giving up, a chart connected meanwhile shows the error.
  if (!hooks) {
    showError(...failure);
    return;
  }
  guard(hooks[hook])(...args);
}

/** The named fonts of the charts' stack (geom.rs, `FONT_FAMILY`; a native test compares), in any
 * case, as CSS matches them ("Microsoft Yahei" is a common spelling). */
const FAMILIES = /PingFang SC|Microsoft YaHei|Noto Sans CJK SC/i;

/** The properties that stand for attributes (below). */
const PROPERTIES = ['chart', 'focusPoint'];

function reflect(el, attribute, value) {
  if (value == null) el.removeAttribute(attribute);
  else el.setAttribute(attribute, value);
}

export function defineElement(name, newHooks) {
  const defined = customElements.get(name);
  if (defined && defined !== ours) {
    // Another copy of zhibiao (another URL or version) defined the element first: it draws the
    // charts, and this copy stays out of the way rather than mount them a second time.
    console.warn(`zhibiao: <${name}> is already defined, by another copy of zhibiao on this page; ${import.meta.url} leaves the charts to it`);
    return false;
  }
  hooks = newHooks;
  if (window.top !== window && !defined) watchFrame();
  if (defined) {
    // A restarted instance: clear the error state and mount every chart again.
    for (const el of charts) {
      el.shadowRoot?.querySelector('.crash')?.remove();
      if (el.isConnected) call('connected', el);
    }
    return false;
  }
  ours = class extends HTMLElement {
    static get observedAttributes() { return ['chart', 'lang', 'focus-point']; }
    connectedCallback() {
      // Set as properties before this class was defined (a framework that renders before the
      // script has run): own properties, which hide the setters below.
      for (const name of PROPERTIES) {
        if (Object.prototype.hasOwnProperty.call(this, name)) {
          const value = this[name];
          delete this[name];
          this[name] = value;
        }
      }
      // React 19 sets `lang` as a property; before this class was defined, HTMLElement's setter
      // wrote null or undefined as the word: no language of its own, as `set lang` below has it.
      // (The removal's own change finds the chart not yet mounted, or, put back, the same.)
      const lang = this.getAttribute('lang');
      if (lang === 'null' || lang === 'undefined') this.removeAttribute('lang');
      charts.add(this);
      // Put back before it was unmounted: only the language it inherits may have changed, and
      // the pointer has left it (no `pointerleave` says so).
      if (leaving.delete(this)) call('changed', this, 'moved');
      else call('connected', this);
      warnContent(this);
    }
    /** Moved by `moveBefore`, which keeps the focus too. */
    connectedMoveCallback() {
      call('changed', this, 'lang');
    }
    disconnectedCallback() {
      charts.delete(this);
      leaving.add(this);
      setTimeout(() => leaving.delete(this) && call('disconnected', this));
    }
    /** Into another document (a frame): unmounted now, to be mounted there afresh. */
    adoptedCallback() {
      if (leaving.delete(this)) call('disconnected', this);
    }
    /** `lang` as a property, as React 19 sets it: null or undefined take the attribute away (the
     * chart then speaks the language around it), where HTMLElement's would write "undefined". */
    get lang() {
      return super.lang;
    }
    set lang(value) {
      reflect(this, 'lang', value);
    }
    /** `chart` and `focus-point` as properties too (Lit's `.chart=${…}`, Angular's `[chart]`,
     * which set properties): each sets its attribute, or with null or undefined removes it. */
    get chart() {
      return this.getAttribute('chart');
    }
    set chart(value) {
      reflect(this, 'chart', value);
    }
    get focusPoint() {
      return this.getAttribute('focus-point');
    }
    set focusPoint(value) {
      reflect(this, 'focus-point', value);
    }
    attributeChangedCallback(attr, oldValue, newValue) {
      // (Also while being moved: a page may change it between taking it out and putting it back.)
      if (oldValue !== newValue && (this.isConnected || leaving.has(this))) call('changed', this, attr);
    }
  };
  customElements.define(name, ours);
  // A font of the charts' stack that the page loads (its own @font-face under one of those names,
  // which the canvas's first text starts loading): the charts are measured and drawn again in it,
  // as the browser lays out their cards and buttons again.
  document.fonts?.addEventListener('loadingdone', (e) => {
    // (Not while a fresh instance loads: each call would say the error again; it measures afresh.)
    if (hooks && e.fontfaces.some((f) => FAMILIES.test(f.family))) for (const el of charts) call('changed', el, 'fonts');
  });
  return true;
}
