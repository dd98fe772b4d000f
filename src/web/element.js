// Defines <zhibiao-chart> and forwards its lifecycle to the wasm module; everything else is Rust
// (src/web/). Every call into the wasm goes through `guard`: if one fails (a panic traps the
// instance, or a page script throws inside it), each chart shows an error state, and a fresh
// instance of the module is loaded and remounts every chart, so no chart is left silently dead.

let hooks = null;
let restarts = 0;
const MAX_RESTARTS = 3;
/** The element class this module defined; another copy of zhibiao on the page has its own. */
let ours = null;
/** Every connected chart, those inside other components' shadow roots too, which
 * `document.querySelectorAll` would miss. */
const charts = new Set();

function showError(message) {
  for (const el of charts) {
    const root = el.shadowRoot;
    if (!root) continue;
    let box = root.querySelector('.crash');
    if (!box) {
      box = document.createElement('div');
      box.className = 'message crash';
      box.setAttribute('role', 'alert');
      root.prepend(box);
    }
    box.textContent = message;
  }
}

function fail(error) {
  console.error('zhibiao: a chart failed:', error);
  const zh = (document.documentElement.lang || 'zh').toLowerCase().startsWith('zh');
  if (restarts >= MAX_RESTARTS) {
    showError(zh ? '图表出错，无法恢复。请刷新页面。' : 'The chart failed and could not recover. Please reload the page.');
    return;
  }
  restarts += 1;
  showError(zh ? '图表出错，正在重新加载……' : 'The chart failed; reloading it…');
  // A new module instance (new URL, new wasm memory) takes over the element's hooks.
  const glue = new URL('../../../../zhibiao.js', import.meta.url);
  glue.searchParams.set('restart', String(restarts));
  import(glue.href)
    .then((module) => module.default())
    .catch((e) => {
      console.error('zhibiao: restart failed:', e);
      showError(zh ? '图表出错，无法恢复。请刷新页面。' : 'The chart failed and could not recover. Please reload the page.');
    });
}

/** `f`, with any exception it throws turned into the failure path above. */
export function guard(f) {
  return function guarded(...args) {
    try {
      return f.apply(this, args);
    } catch (error) {
      fail(error);
      return undefined;
    }
  };
}

function call(hook, ...args) {
  try {
    hooks[hook](...args);
  } catch (error) {
    fail(error);
  }
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
      charts.add(this);
      call('connected', this);
    }
    disconnectedCallback() {
      charts.delete(this);
      call('disconnected', this);
    }
    attributeChangedCallback(attr, oldValue, newValue) {
      if (oldValue !== newValue && this.isConnected) call('changed', this, attr);
    }
  };
  customElements.define(name, ours);
  return true;
}
