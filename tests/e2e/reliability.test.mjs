// Reliability: lifecycles without leaks, hidden and zero-size containers, attribute and resize
// storms, and the failure path (an exception inside the wasm). Needs `make build` first.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { serve } from './server.mjs';
import { failOnHover as failOnHoverOf, launch, RECORD_READY, SHOWN } from './browser.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
let browser;
let server;

before(async () => {
  browser = await launch();
  server = await serve(ROOT);
});
after(async () => {
  await browser?.close();
  await server?.close();
});

/** Counts ResizeObservers that observe something and their disconnects, the widget's window
 * listeners (pointerdown, blur, keydown, beforeprint, afterprint) and media-query listeners (colour scheme, device pixel ratio),
 * from page start. (A widget's observer watches its element and the page's root element.) */
const INSTRUMENT = () => {
  window.__counts = { observed: 0, disconnected: 0, windowListeners: 0, windowAdded: 0, mediaListeners: 0, mediaAdded: 0, transforms: 0 };
  const { observe, disconnect } = ResizeObserver.prototype;
  const observers = new WeakSet();
  ResizeObserver.prototype.observe = function (...a) {
    if (!observers.has(this)) window.__counts.observed += 1;
    observers.add(this);
    return observe.apply(this, a);
  };
  ResizeObserver.prototype.disconnect = function (...a) { window.__counts.disconnected += 1; return disconnect.apply(this, a); };
  const { addEventListener: add, removeEventListener: remove } = EventTarget.prototype;
  const count = (target, type, step) => {
    if (target === window && ['pointerdown', 'blur', 'keydown', 'beforeprint', 'afterprint'].includes(type)) {
      window.__counts.windowListeners += step;
      if (step > 0) window.__counts.windowAdded += 1;
    }
    if (target instanceof MediaQueryList && type === 'change') {
      window.__counts.mediaListeners += step;
      if (step > 0) window.__counts.mediaAdded += 1;
    }
  };
  EventTarget.prototype.addEventListener = function (type, ...a) {
    count(this, type, 1);
    return add.call(this, type, ...a);
  };
  EventTarget.prototype.removeEventListener = function (type, ...a) {
    count(this, type, -1);
    return remove.call(this, type, ...a);
  };
  const { setTransform } = CanvasRenderingContext2D.prototype;
  CanvasRenderingContext2D.prototype.setTransform = function (...a) { window.__counts.transforms += 1; return setTransform.apply(this, a); };
  // IntersectionObservers, as ResizeObservers above.
  Object.assign(window.__counts, { intersectionObserved: 0, intersectionDisconnected: 0, framesRequested: 0 });
  const io = IntersectionObserver.prototype;
  const { observe: ioObserve, disconnect: ioDisconnect } = io;
  io.observe = function (...a) { window.__counts.intersectionObserved += 1; return ioObserve.apply(this, a); };
  io.disconnect = function (...a) { window.__counts.intersectionDisconnected += 1; return ioDisconnect.apply(this, a); };
  // Animation frames requested and neither run nor cancelled yet. The tests' own waits use the
  // browser's function (window.__frame), so that only the widget's frames are counted.
  const pending = new Set();
  const { requestAnimationFrame: request, cancelAnimationFrame: cancel } = window;
  window.__frame = () => new Promise((resolve) => request.call(window, () => resolve()));
  window.requestAnimationFrame = (callback) => {
    const handle = request.call(window, (time) => { pending.delete(handle); callback(time); });
    pending.add(handle);
    window.__counts.framesRequested += 1;
    return handle;
  };
  window.cancelAnimationFrame = (handle) => { pending.delete(handle); return cancel.call(window, handle); };
  window.__pendingFrames = () => pending.size;
};

/** The lifecycle fixture, instrumented; `init` runs first in the page too, if given. */
async function open(init, contextOptions = {}) {
  const context = await browser.newContext({ viewport: { width: 900, height: 800 }, ...contextOptions });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.addInitScript(RECORD_READY);
  await page.addInitScript(SHOWN);
  await page.addInitScript(INSTRUMENT);
  if (init) await page.addInitScript(init);
  await page.goto(`${server.url}/tests/e2e/fixtures/lifecycle.html`);
  await page.waitForFunction(() => customElements.get('zhibiao-chart'));
  const cdp = await context.newCDPSession(page);
  return { context, page, errors, cdp };
}

async function measure(page, cdp) {
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  const wasm = await page.evaluate(async () => (await (await import('/dist/pkg/zhibiao.js')).default()).memory.buffer.byteLength);
  return { heap: usedSize, wasm };
}

/** Attach, detach, re-attach, draw, ask for a redraw (a `lang` change) and detach before it:
 * `count` times, cycling through the charts. Records in `__leftWaiting` the most frames the widget
 * left waiting right after a drawn chart was removed. */
const CYCLES = async (count) => {
  const stage = document.getElementById('stage');
  const charts = ['growth', '5g', 'nev'];
  window.__leftWaiting = 0;
  for (let i = 0; i < count; i += 1) {
    const el = document.createElement('zhibiao-chart');
    el.setAttribute('chart', charts[i % 3]);
    stage.append(el);
    el.remove();
    // Unmounted at the next task (one put back before it stays mounted, as moved).
    await new Promise((r) => setTimeout(r));
    stage.append(el);
    await window.__frame();
    await window.__frame();
    el.setAttribute('lang', 'en');
    el.remove();
    await new Promise((r) => setTimeout(r));
    window.__leftWaiting = Math.max(window.__leftWaiting, window.__pendingFrames());
  }
};

test('attaching and detaching 1000 charts leaves no listeners, observers or memory behind', async () => {
  const { context, page, errors, cdp } = await open();
  await page.evaluate(CYCLES, 30);
  const baseline = await measure(page, cdp);
  const countsBefore = await page.evaluate(() => ({ ...window.__counts }));
  await page.evaluate(CYCLES, 1000);
  const afterwards = await measure(page, cdp);
  const counts = await page.evaluate(() => ({ ...window.__counts }));
  assert.ok(counts.windowAdded - countsBefore.windowAdded >= 10000, 'each attach listens to the window five times…');
  assert.equal(counts.windowListeners, countsBefore.windowListeners, '…and every window listener was removed');
  assert.ok(counts.mediaAdded - countsBefore.mediaAdded >= 4000, 'each attach listens to the colour scheme and the pixel ratio…');
  assert.equal(counts.mediaListeners, countsBefore.mediaListeners, '…and every media-query listener was removed');
  assert.equal(counts.observed - countsBefore.observed, 2000, 'one ResizeObserver per attach (two per cycle)…');
  assert.equal(counts.observed, counts.disconnected, '…and each was disconnected');
  assert.equal(counts.intersectionObserved - countsBefore.intersectionObserved, 2000, 'one IntersectionObserver per attach…');
  assert.equal(counts.intersectionObserved, counts.intersectionDisconnected, '…and each was disconnected');
  assert.ok(counts.framesRequested - countsBefore.framesRequested >= 2000, 'each cycle, the widget asks for animation frames (after paint, the redraw)…');
  assert.equal(await page.evaluate(() => window.__leftWaiting), 0, '…and none is left waiting once the chart is removed');
  // Stated tolerance: JS heap within 512 KiB of the baseline, wasm memory within one 64 KiB page.
  assert.ok(afterwards.heap - baseline.heap < 512 * 1024, `JS heap grew by ${afterwards.heap - baseline.heap} bytes`);
  assert.ok(afterwards.wasm - baseline.wasm <= 64 * 1024, `wasm memory grew by ${afterwards.wasm - baseline.wasm} bytes`);
  console.log(`# 1000 lifecycles: JS heap ${afterwards.heap - baseline.heap} B, wasm memory ${afterwards.wasm - baseline.wasm} B over baseline`);
  assert.deepEqual(errors, []);
  await context.close();
});

test("on a page whose monitoring script wraps listeners and removes none, and whose requestAnimationFrame gives no handle to cancel, a chart removed leaves the other charts working, and changes of the pixel ratio add one listener each", async () => {
  const { context, page, errors } = await open(() => {
    // A listener wrapper whose removeEventListener misses: it is given the page's function, and
    // the browser holds the wrapper (the bug of several monitoring scripts).
    const { addEventListener: add } = EventTarget.prototype;
    EventTarget.prototype.addEventListener = function (type, listener, options) {
      const wrapped = typeof listener === 'function' ? function (...a) { return listener.apply(this, a); } : listener;
      return add.call(this, type, wrapped, options);
    };
    const request = window.requestAnimationFrame;
    window.requestAnimationFrame = (callback) => { request.call(window, callback); return undefined; };
    // The pixel-ratio queries the charts watch.
    window.__resolutionQueries = [];
    const { matchMedia } = window;
    window.matchMedia = (query) => {
      const list = matchMedia.call(window, query);
      if (query.includes('resolution')) window.__resolutionQueries.push(list);
      return list;
    };
  });
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  await page.evaluate(() => {
    document.getElementById('stage').innerHTML = '<zhibiao-chart chart="nev" lang="en"></zhibiao-chart><zhibiao-chart chart="growth" lang="en"></zhibiao-chart>';
  });
  await page.waitForFunction(() => window.__ready.includes('nev') && window.__ready.includes('growth'));
  // The growth chart goes, with a redraw asked for (a frame it cannot cancel).
  await page.evaluate(async () => {
    const growth = document.querySelector('zhibiao-chart[chart=growth]');
    growth.setAttribute('lang', 'zh');
    growth.remove();
    await new Promise((r) => setTimeout(r));
    for (let i = 0; i < 3; i += 1) await window.__frame();
  });
  // What the window's and the media queries' listeners hear: a click, keys, the window losing
  // focus, a switch of colour scheme.
  await page.mouse.click(5, 5);
  await page.keyboard.press('Escape');
  await page.keyboard.press('a');
  await page.evaluate(() => window.dispatchEvent(new Event('blur')));
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.evaluate(async () => { for (let i = 0; i < 3; i += 1) await window.__frame(); });
  // Ten changes of the pixel ratio (a reader zooming in and out), told to every query watched
  // so far: the NEV chart watches one more each time, and nothing else does.
  const queries = await page.evaluate(async () => {
    const before = window.__resolutionQueries.length;
    for (let i = 0; i < 10; i += 1) {
      window.__resolutionQueries.slice().forEach((q) => q.dispatchEvent(new Event('change')));
      await window.__frame();
    }
    return window.__resolutionQueries.length - before;
  });
  assert.equal(queries, 10, 'one query more per change');
  await new Promise((r) => setTimeout(r, 300));
  assert.deepEqual(errors, [], 'no chart failed');
  assert.equal(await page.locator('zhibiao-chart .crash').count(), 0, 'no error state');
  assert.deepEqual(await page.evaluate(() => window.__ready), ['nev', 'growth'], 'no restart drew the chart again');
  // The NEV chart answers the keys.
  const nev = page.locator('zhibiao-chart[chart=nev]');
  await nev.locator('canvas[role=application]').focus();
  await page.keyboard.press('ArrowDown');
  await nev.locator('.tip.shown').waitFor({ state: 'visible' });
  assert.deepEqual(errors, []);
  await context.close();
});

test("in a frame of a page with Prototype.js's Array.from (which takes no function), a chart is drawn", async () => {
  const { context, page, errors } = await open(() => {
    // Prototype.js 1.7's `$A`, which it makes `Array.from`.
    Array.from = function (iterable) {
      if (!iterable) return [];
      let length = iterable.length || 0;
      const results = new Array(length);
      while (length--) results[length] = iterable[length];
      return results;
    };
  });
  await page.evaluate(() => {
    document.getElementById('stage').innerHTML = '<iframe src="/dist/embed-nev-en.html" style="width: 600px; height: 500px; border: 0"></iframe>';
  });
  const frame = await (await page.locator('#stage iframe').elementHandle()).contentFrame();
  await frame.waitForFunction(() => window.__ready?.includes('nev'), null, { timeout: 10000 });
  assert.equal(await frame.evaluate(() => document.querySelector('zhibiao-chart').shadowRoot.querySelector('.message:not([hidden])')), null, 'no message in place of the chart');
  assert.deepEqual(errors, []);
  await context.close();
});

test("a download's file URL is revoked a minute later also where the page's timer wrapper passes setTimeout no further arguments", async () => {
  const { context, page, errors } = await open(() => {
    window.__later = [];
    window.__revoked = [];
    const { setTimeout: set } = window;
    // Keeps the minute's timers to run at once; passes on only the function and the delay.
    window.setTimeout = (f, ms) => (ms === 6e4 ? window.__later.push(f) : set(f, ms));
    const { revokeObjectURL: revoke } = URL;
    URL.revokeObjectURL = (href) => { window.__revoked.push(href); return revoke.call(URL, href); };
  });
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  await page.evaluate(() => { document.getElementById('stage').innerHTML = '<zhibiao-chart chart="nev" lang="en"></zhibiao-chart>'; });
  await page.waitForFunction(() => window.__ready.includes('nev'));
  const download = page.waitForEvent('download');
  await page.locator('zhibiao-chart').getByRole('button', { name: 'Download CSV' }).click();
  await download;
  await page.waitForFunction(() => window.__later.length === 1);
  const revoked = await page.evaluate(() => {
    window.__later.forEach((f) => f());
    return window.__revoked;
  });
  assert.equal(revoked.length, 1);
  assert.match(revoked[0], /^blob:/);
  assert.deepEqual(errors, []);
  await context.close();
});

test("a chart whose Copy link or a download was used is freed once removed, as one whose table was opened: the clipboard's answer it did not get held it, and its page, for good; a download's, for the minute until its file's URL was revoked", async () => {
  const { context, page, errors, cdp } = await open();
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
  // Each download made (a save that failed would set no timer, and prove nothing), and no error.
  const downloads = [];
  page.on('download', (d) => downloads.push(d.suggestedFilename()));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  for (const words of ['表格', '复制链接', '下载 PNG', '下载 CSV']) {
    await page.evaluate(async (w) => {
      const el = document.createElement('zhibiao-chart');
      el.setAttribute('chart', 'nev');
      const drawn = new Promise((r) => el.addEventListener('chart-ready', r, { once: true }));
      document.getElementById('stage').append(el);
      await drawn;
      const root = el.shadowRoot;
      [...root.querySelectorAll('.toolbar button')].find((b) => b.textContent === w).click();
      // The clipboard's answer, for Copy link: "Link copied", or the link in a field (either way
      // one of the two answers was never called).
      for (let i = 0; i < 100 && w === '复制链接' && !root.querySelector('.said').childElementCount; i += 1) await new Promise((r) => setTimeout(r, 20));
      el.remove();
      window.__gone = new WeakRef(el);
    }, words);
    let freed = false;
    for (let i = 0; i < 20 && !freed; i += 1) {
      await cdp.send('HeapProfiler.collectGarbage');
      // (The wasm's closures are freed by a FinalizationRegistry, after a collection.)
      await page.waitForTimeout(100);
      freed = await page.evaluate(() => window.__gone.deref() === undefined);
    }
    assert.ok(freed, `the chart, after ${words}, is freed`);
  }
  assert.deepEqual(downloads, ['zhibiao-china-nev-growth-2023-h1-zh.png', 'zhibiao-china-nev-growth-2023-h1-zh.csv']);
  assert.deepEqual(errors, []);
  await context.close();
});

test('hidden and zero-width containers draw nothing, without error, until they become visible', async () => {
  const { context, page, errors } = await open();
  await page.evaluate(() => {
    const stage = document.getElementById('stage');
    stage.innerHTML = '<div id="hidden" style="display:none"><zhibiao-chart chart="nev"></zhibiao-chart></div>'
      + '<div id="narrow" style="width:0"><zhibiao-chart chart="5g"></zhibiao-chart></div>'
      + '<zhibiao-chart chart="growth" id="control"></zhibiao-chart>';
  });
  // The control, connected with them, is drawn: so would they be by now (and a while after).
  await page.waitForFunction(() => window.__ready.includes('growth'));
  const transforms = await page.evaluate(() => window.__counts.transforms);
  await page.waitForTimeout(400);
  assert.deepEqual(await page.evaluate(() => window.__ready), ['growth']);
  assert.equal(await page.evaluate(() => window.__counts.transforms), transforms, 'no drawing');
  await page.evaluate(() => {
    document.getElementById('hidden').style.display = 'block';
    document.getElementById('narrow').style.width = '400px';
  });
  await page.waitForFunction(() => window.__ready.includes('nev') && window.__ready.includes('5g'));
  assert.deepEqual(errors, []);
  await context.close();
});

test('an off-screen chart is drawn only when scrolled near the viewport, also one the page makes `display: contents`; its description and table are there for screen readers before', async () => {
  const { context, page, errors } = await open();
  // The second far chart has no box of its own (a CMS's wrapper rule): where it is is where its
  // content is.
  await page.evaluate(() => {
    document.getElementById('stage').innerHTML = '<zhibiao-chart chart="nev" id="control"></zhibiao-chart><div style="height: 4000px"></div><zhibiao-chart chart="growth" id="far"></zhibiao-chart>' +
      '<zhibiao-chart chart="5g" id="contents" style="display: contents"></zhibiao-chart>';
  });
  // The control, on screen, is drawn: so would the far one be by now (and a while after).
  await page.waitForFunction(() => window.__ready.includes('nev'));
  const transforms = await page.evaluate(() => window.__counts.transforms);
  await page.waitForTimeout(400);
  assert.deepEqual(await page.evaluate(() => window.__ready), ['nev']);
  assert.equal(await page.evaluate(() => window.__counts.transforms), transforms, 'no drawing off screen');
  const far = page.locator('#far');
  assert.match(await far.locator('#desc').textContent(), /44\.1%/, 'the description is written');
  assert.equal(await far.locator('#table table tbody tr').count() > 0, true, 'the table is written');
  await page.evaluate(() => document.getElementById('far').scrollIntoView());
  await page.waitForFunction(() => window.__ready.includes('growth') && window.__ready.includes('5g'));
  assert.deepEqual(errors, []);
  await context.close();
});

test("in a scrolling box (an app shell), a chart is drawn as it comes within 400 px of the box's view, as of the window's", async () => {
  const { context, page, errors } = await open();
  await page.evaluate(() => {
    document.getElementById('stage').innerHTML = '<div id="app" style="height: 500px; overflow-y: auto"><div style="height: 1500px"></div>' +
      '<zhibiao-chart chart="growth" id="boxed"></zhibiao-chart><div style="height: 1000px"></div></div><zhibiao-chart chart="nev" id="control"></zhibiao-chart>';
  });
  // The control, in the window, is drawn: so would the boxed one be by now (and a while after).
  await page.waitForFunction(() => window.__ready.includes('nev'));
  await page.waitForTimeout(400);
  assert.deepEqual(await page.evaluate(() => window.__ready), ['nev'], "not drawn 1000 px below the box's view");
  // Scrolled to 200 px below the box's view: still out of sight (the window would show it).
  const gap = await page.evaluate(() => {
    const app = document.getElementById('app');
    app.scrollTop = 800;
    return document.getElementById('boxed').getBoundingClientRect().top - app.getBoundingClientRect().bottom;
  });
  assert.equal(gap, 200);
  await page.waitForFunction(() => window.__ready.includes('growth'), null, { timeout: 3000 });
  assert.deepEqual(errors, []);
  await context.close();
});

test('1000 quick attribute changes end in the right chart', async () => {
  const { context, page, errors } = await open();
  await page.evaluate(() => {
    const el = document.createElement('zhibiao-chart');
    el.id = 'storm';
    document.getElementById('stage').append(el);
    const charts = ['growth', '5g', 'nev', 'pie'];
    for (let i = 0; i < 1000; i += 1) {
      el.setAttribute('chart', charts[i % 4]);
      el.setAttribute('lang', i % 2 ? 'en' : 'zh');
    }
    el.setAttribute('chart', 'nev');
    el.setAttribute('lang', 'en');
  });
  await page.waitForFunction(() => window.__ready.includes('nev'));
  const label = await page.evaluate(() => document.getElementById('storm').shadowRoot.querySelector('canvas').getAttribute('aria-label'));
  assert.equal(label, 'New energy vehicle (NEV) production and sales growth, H1\u00a02023');
  const transforms = await page.evaluate(() => window.__counts.transforms);
  assert.ok(transforms >= 1 && transforms <= 3, `the storm was drawn, and at most a few times: ${transforms}`);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a 100-step resize storm re-renders at most once per animation frame', async () => {
  const { context, page } = await open();
  await page.evaluate(() => {
    const el = document.createElement('zhibiao-chart');
    el.setAttribute('chart', 'growth');
    document.getElementById('stage').append(el);
  });
  await page.waitForFunction(() => window.__ready.includes('growth'));
  // The renders between one animation frame and the next, for each frame of the storm.
  const perFrame = await page.evaluate(async () => {
    const stage = document.getElementById('stage');
    const counts = [];
    let last = window.__counts.transforms;
    const frame = async () => {
      await new Promise((r) => requestAnimationFrame(() => r()));
      counts.push(window.__counts.transforms - last);
      last = window.__counts.transforms;
    };
    for (let step = 0; step < 100; step += 1) {
      stage.style.width = `${320 + step * 8}px`;
      stage.getBoundingClientRect();
      if (step % 10 === 9) await frame();
    }
    await frame();
    await frame();
    return counts;
  });
  assert.ok(perFrame.every((n) => n <= 1), `at most one render in each frame: ${perFrame}`);
  // Drawn as the storm went (a render follows its burst a frame or two later), not only at its end.
  assert.ok(perFrame.reduce((a, b) => a + b) >= 5, `the storm was drawn: ${perFrame}`);
  // A chart and a language changed in one task, with a new width: still at most one render a
  // frame (the attributes' render comes first; the width, which a ResizeObserver reports after
  // that frame's callbacks, has its own in the next), and the last one at the new width.
  const after = await page.evaluate(async () => {
    const el = document.querySelector('#stage zhibiao-chart');
    const counts = [];
    let last = window.__counts.transforms;
    document.getElementById('stage').style.width = '700px';
    el.setAttribute('chart', 'nev');
    el.setAttribute('lang', 'en');
    for (let i = 0; i < 4; i += 1) {
      await new Promise((r) => requestAnimationFrame(() => r()));
      counts.push(window.__counts.transforms - last);
      last = window.__counts.transforms;
    }
    return { counts, width: el.shadowRoot.querySelector('canvas').style.width, label: el.shadowRoot.querySelector('canvas').getAttribute('aria-label') };
  });
  assert.ok(after.counts.every((n) => n <= 1) && after.counts.some((n) => n === 1), `at most one render a frame: ${after.counts}`);
  assert.deepEqual([after.width, after.label], ['700px', 'New energy vehicle (NEV) production and sales growth, H1\u00a02023']);
  await context.close();
});

test('after a CSS transition of its container\'s width, a chart is drawn at the width the transition ends at: as many device pixels as its box, not one short and stretched soft', async () => {
  for (const [from, to] of [[0, 420], [300, 420], [360, 640], [700, 400]]) {
    const { context, page, errors } = await open(undefined, { viewport: { width: 1000, height: 900 }, deviceScaleFactor: 2 });
    await page.evaluate((width) => {
      const stage = document.getElementById('stage');
      stage.style.cssText = `width: ${width}px; overflow: hidden; transition: width 0.5s ease`;
      const el = document.createElement('zhibiao-chart');
      el.setAttribute('chart', 'nev');
      stage.append(el);
    }, from);
    if (from > 0) await page.waitForFunction(() => window.__ready.includes('nev'));
    const found = await page.evaluate(async (width) => {
      const stage = document.getElementById('stage');
      const ended = new Promise((r) => stage.addEventListener('transitionend', r, { once: true }));
      stage.style.width = `${width}px`;
      await ended;
      for (let i = 0; i < 4; i += 1) await window.__frame();
      const { canvas } = window.__shown(document.querySelector('#stage zhibiao-chart'));
      return { box: canvas.getBoundingClientRect().width, backing: canvas.width };
    }, to);
    assert.deepEqual(found, { box: to, backing: to * 2 }, `${from} → ${to} px`);
    assert.deepEqual(errors, []);
    await context.close();
  }
});

test('in a column a fraction of a px wide (a percentage of the page), a chart is drawn once, as many device pixels wide as its box shows, at DPR 2 and 3', async () => {
  for (const deviceScaleFactor of [2, 3]) {
    const { context, page, errors } = await open(undefined, { viewport: { width: 1000, height: 900 }, deviceScaleFactor });
    const found = [];
    for (const width of [419.4, 419.6, 333.33, 500.5]) {
      found.push(await page.evaluate(async (w) => {
        const stage = document.getElementById('stage');
        stage.replaceChildren();
        stage.style.width = `${w}px`;
        const el = document.createElement('zhibiao-chart');
        el.setAttribute('chart', 'nev');
        const before = window.__counts.transforms;
        stage.append(el);
        await new Promise((r) => el.addEventListener('chart-ready', r, { once: true }));
        for (let i = 0; i < 4; i += 1) await window.__frame();
        const { canvas } = window.__shown(el);
        const box = canvas.getBoundingClientRect().width;
        return { width: w, box, backing: canvas.width, needed: box * devicePixelRatio, draws: window.__counts.transforms - before };
      }, width));
    }
    assert.deepEqual(found.map(({ width, backing, needed }) => [width, backing]), found.map(({ width, needed }) => [width, needed]), `DPR ${deviceScaleFactor}: ${JSON.stringify(found)}`);
    // Measured at mount as the resize observer measures it (whole px, down), the chart is not
    // drawn a second time when the observer first reports its width (a column whose width
    // rounds up, 419.6 or 500.5 px, was).
    assert.deepEqual(found.map(({ width, draws }) => [width, draws]), found.map(({ width }) => [width, 1]), `DPR ${deviceScaleFactor}: draws`);
    assert.deepEqual(errors, []);
    await context.close();
  }
});

test('a long bad value wraps inside the message box, with and without the wasm, and the page does not widen', async () => {
  for (const path of ['with the wasm', 'without']) {
    const { context, page, errors } = await open(path === 'without' ? () => { WebAssembly.compile = () => Promise.reject(new Error('no wasm here')); } : undefined);
    await page.evaluate(() => {
      document.getElementById('stage').innerHTML = `<zhibiao-chart chart="${'nev'.repeat(700)}" lang="en"></zhibiao-chart>`;
    });
    const box = page.locator('#stage zhibiao-chart .message').first();
    await box.waitFor();
    const sizes = await page.evaluate(() => {
      const message = document.querySelector('#stage zhibiao-chart').shadowRoot.querySelector('.message:not([hidden])');
      return { page: document.documentElement.scrollWidth, view: innerWidth, text: message.textContent.length, box: message.scrollWidth, inside: message.clientWidth };
    });
    assert.ok(sizes.text > 2100, `${path}: the message quotes the value`);
    assert.ok(sizes.page <= sizes.view && sizes.box <= sizes.inside, `${path}: ${JSON.stringify(sizes)}`);
    assert.deepEqual(errors, []);
    await context.close();
  }
});

test('a chart moved into a same-origin frame says it cannot be drawn there, and draws again when moved back', async () => {
  const { context, page, errors } = await open();
  await page.evaluate(() => {
    document.getElementById('stage').innerHTML = '<zhibiao-chart chart="nev" lang="en"></zhibiao-chart><iframe srcdoc="<p>frame</p>"></iframe>';
  });
  await page.waitForFunction(() => window.__ready.includes('nev') && document.querySelector('iframe').contentDocument?.body);
  const moved = await page.evaluate(async () => {
    const el = document.querySelector('#stage zhibiao-chart');
    document.querySelector('iframe').contentDocument.body.append(el);
    await window.__frame();
    return { said: el.shadowRoot.querySelector('[role=alert]')?.textContent ?? null, height: el.offsetHeight };
  });
  assert.deepEqual([moved.said, moved.height > 0], ['The chart could not be drawn.', true], 'a message, not an empty box');
  const back = await page.evaluate(async () => {
    const el = document.querySelector('iframe').contentDocument.querySelector('zhibiao-chart');
    document.getElementById('stage').prepend(el);
    await window.__frame();
    return { message: !!el.shadowRoot.querySelector('[role=alert]'), canvas: !!el.shadowRoot.querySelector('canvas:not([hidden])') };
  });
  assert.deepEqual(back, { message: false, canvas: true }, 'drawn again, without the message');
  assert.deepEqual(errors, []);
  await context.close();
});

/** Fails the growth chart `growth` (a locator) by a throwing `offsetWidth` on hover, waits for its
 * error state, lets the fresh instance work, and checks the chart is back without it. */
async function failAndRestart(page, growth) {
  await failOnHoverOf(page, growth);
  await growth.locator('.crash').waitFor({ state: 'attached' });
  await page.evaluate(() => { Object.defineProperty(HTMLElement.prototype, 'offsetWidth', window.__offsetWidth); });
  await page.waitForFunction(() => window.__ready.includes('growth'), null, { timeout: 10000 });
  assert.equal(await growth.locator('.crash').count(), 0, 'restarted: the error state is cleared');
}

test('a chart the page gave a closed shadow root fails alone: the other charts draw, and no restart; a failure of another chart still shows its error state and restarts', async () => {
  const { context, page, errors } = await open();
  await page.evaluate(() => {
    const closed = document.createElement('zhibiao-chart');
    closed.attachShadow({ mode: 'closed' });
    closed.setAttribute('chart', 'nev');
    document.getElementById('stage').append(closed);
    document.getElementById('stage').insertAdjacentHTML('beforeend', '<zhibiao-chart chart="growth"></zhibiao-chart>');
  });
  await page.waitForFunction(() => window.__ready.includes('growth'), null, { timeout: 10000 });
  await page.evaluate(() => new Promise((r) => setTimeout(r, 100)));
  const crashed = await page.evaluate(() => [...document.querySelectorAll('zhibiao-chart')].filter((el) => el.shadowRoot?.querySelector('.crash')).length);
  assert.equal(crashed, 0, 'no chart shows the error state of a restart');
  assert.deepEqual(errors, []);
  // The error state goes to every chart, the closed one first: it has to be passed over.
  const growth = page.locator('#stage zhibiao-chart[chart=growth]');
  await failAndRestart(page, growth);
  assert.deepEqual(errors, [], 'no uncaught exception');
  await context.close();
});

test('a page that declares `var URL` and wraps fetch for strings only after zhibiao loaded (as analytics tags do) still restarts a failed chart', async () => {
  const { context, page, errors } = await open();
  await page.evaluate(() => {
    document.getElementById('stage').innerHTML = '<zhibiao-chart chart="growth"></zhibiao-chart>';
  });
  await page.waitForFunction(() => window.__ready.includes('growth'), null, { timeout: 10000 });
  const fetched = [];
  await page.exposeFunction('__fetched', (url) => fetched.push(url));
  // A classic script's top-level `var URL` replaces window.URL; the wrapper fetches `input.url`
  // for anything not a string, as common ones do (a URL object has none).
  await page.addScriptTag({ content: `var URL = location.href;
    const pageFetch = window.fetch;
    window.fetch = (input, init) => { const url = typeof input === 'string' ? input : input.url; window.__fetched(String(url)); return pageFetch(url, init); };` });
  const growth = page.locator('#stage zhibiao-chart[chart=growth]');
  await failAndRestart(page, growth);
  assert.ok(fetched.some((url) => url.endsWith('/dist/pkg/zhibiao_bg.wasm')), `the fresh instance fetched the wasm by its URL: ${fetched}`);
  assert.deepEqual(errors, [], 'no uncaught exception');
  await context.close();
});

/** The lifecycle fixture with the NEV and growth charts drawn, recording console errors from then on. */
async function twoCharts() {
  const opened = await open();
  await opened.page.evaluate(() => {
    document.getElementById('stage').innerHTML = '<zhibiao-chart chart="nev"></zhibiao-chart><zhibiao-chart chart="growth"></zhibiao-chart>';
  });
  await opened.page.waitForFunction(() => window.__ready.includes('nev') && window.__ready.includes('growth'));
  const consoleErrors = [];
  opened.page.on('console', (m) => { if (m.type() === 'error') consoleErrors.push(m.text()); });
  return { ...opened, consoleErrors };
}

/** `failOnHover` (browser.mjs) over the NEV chart's first bar (the production row). */
const failOnHover = (page) => failOnHoverOf(page, page.locator('zhibiao-chart[chart=nev]'));

test('an exception inside the wasm shows an error state, then every chart comes back', async () => {
  const { context, page, errors, consoleErrors } = await twoCharts();
  const { chart: nev, box, bar } = await failOnHover(page);
  await page.waitForFunction(() => [...document.querySelectorAll('zhibiao-chart')].some((el) => el.shadowRoot.querySelector('.crash')));
  await page.evaluate(() => { Object.defineProperty(HTMLElement.prototype, 'offsetWidth', window.__offsetWidth); });
  // A fresh instance remounts both charts.
  await page.waitForFunction(() => window.__ready.includes('nev') && window.__ready.includes('growth'), null, { timeout: 10000 });
  assert.ok(consoleErrors.some((e) => e.includes('a chart failed')), 'the failure is reported');
  assert.equal(await page.locator('zhibiao-chart .crash').count(), 0, 'the error state is cleared');
  await page.mouse.move(box.x + bar.x + 3, box.y + bar.y + 2);
  await nev.locator('.tip.shown').waitFor({ state: 'visible' });
  assert.equal(await nev.locator('.tip.shown .value').textContent(), '42.4%', 'the new instance answers the pointer');
  assert.deepEqual(errors, [], 'no uncaught exception');
  await context.close();
});

test('a drawing that fails shows a message in the chart\'s language, and the next render draws again', async () => {
  const { context, page, errors } = await open();
  await page.evaluate(() => { document.getElementById('stage').innerHTML = '<zhibiao-chart chart="nev"></zhibiao-chart>'; });
  await page.waitForFunction(() => window.__ready.includes('nev'));
  const consoleErrors = [];
  page.on('console', (m) => { if (m.type() === 'error') consoleErrors.push(m.text()); });
  // A hostile page: the canvas refuses its transform (a DOMException the widget catches).
  await page.evaluate(() => {
    window.__setTransform = CanvasRenderingContext2D.prototype.setTransform;
    CanvasRenderingContext2D.prototype.setTransform = () => { throw new DOMException('forced failure', 'InvalidStateError'); };
    document.querySelector('zhibiao-chart').setAttribute('lang', 'en');
  });
  const chart = page.locator('zhibiao-chart');
  await chart.locator('.message:not([hidden])').waitFor();
  assert.equal(await chart.locator('.message').textContent(), 'The chart could not be drawn.');
  assert.ok(consoleErrors.some((e) => e.includes('render failed')), 'the console says why');
  assert.equal(await chart.locator('.crash').count(), 0, 'not the failure path: the instance is fine');
  await page.evaluate(() => {
    window.__ready = [];
    CanvasRenderingContext2D.prototype.setTransform = window.__setTransform;
    document.querySelector('zhibiao-chart').setAttribute('lang', 'zh');
  });
  await page.waitForFunction(() => window.__ready.includes('nev'));
  assert.equal(await chart.locator('.message').isVisible(), false);
  assert.deepEqual(errors, [], 'no uncaught exception');
  await context.close();
});

test('a chart added while the fresh instance loads shows the error state, then draws; one failure, one restart', async () => {
  const { context, page, errors } = await twoCharts();
  // The fresh instance's glue is held back until the test lets it through.
  const restarts = [];
  let release;
  const held = new Promise((resolve) => { release = resolve; });
  await page.route((url) => url.searchParams.has('restart'), async (route) => {
    restarts.push(route.request().url());
    await held;
    await route.continue();
  });
  await failOnHover(page);
  await page.waitForFunction(() => document.querySelector('zhibiao-chart').shadowRoot.querySelector('.crash'));
  await page.evaluate(() => {
    Object.defineProperty(HTMLElement.prototype, 'offsetWidth', window.__offsetWidth);
    document.getElementById('stage').insertAdjacentHTML('beforeend', '<zhibiao-chart chart="5g" lang="en"></zhibiao-chart>');
  });
  const added = page.locator('zhibiao-chart[chart="5g"]');
  assert.equal(await added.locator('.crash').textContent(), 'The chart failed; reloading it…', 'the added chart says so, in its language');
  await page.evaluate(() => new Promise((r) => setTimeout(r, 200)));
  assert.equal(restarts.length, 1, `one restart for one failure: ${restarts}`);
  release();
  await page.waitForFunction(() => ['nev', 'growth', '5g'].every((c) => window.__ready.includes(c)), null, { timeout: 10000 });
  assert.equal(await page.locator('zhibiao-chart .crash').count(), 0, 'the error state is cleared');
  assert.equal(restarts.length, 1);
  assert.deepEqual(errors, [], 'no uncaught exception');
  await context.close();
});

test('an exception in the work after a frame is painted also shows the error state, then every chart comes back', async () => {
  const { context, page, errors, consoleErrors } = await twoCharts();
  // A hostile page: handing the drawn canvas to the view throws (it runs once the frame is painted).
  await page.evaluate(() => {
    window.__ready = [];
    window.__transfer = ImageBitmapRenderingContext.prototype.transferFromImageBitmap;
    ImageBitmapRenderingContext.prototype.transferFromImageBitmap = () => { throw new Error('forced failure'); };
    document.querySelector('zhibiao-chart[chart=nev]').setAttribute('chart', '5g');
  });
  // In one task, before the fresh instance can arrive (were the view still failing then, it
  // would announce ready and fail again after its frame): the error state is seen, the view fixed.
  await page.waitForFunction(() => {
    if (![...document.querySelectorAll('zhibiao-chart')].some((el) => el.shadowRoot.querySelector('.crash'))) return false;
    ImageBitmapRenderingContext.prototype.transferFromImageBitmap = window.__transfer;
    window.__ready = [];
    return true;
  });
  await page.waitForFunction(() => window.__ready.includes('5g') && window.__ready.includes('growth'), null, { timeout: 10000 });
  assert.ok(consoleErrors.some((e) => e.includes('a chart failed')), 'the failure is reported');
  assert.equal(await page.locator('zhibiao-chart .crash').count(), 0, 'the error state is cleared');
  assert.deepEqual(errors, [], 'no uncaught exception');
  await context.close();
});

test('a chart inside another component\'s shadow root also shows the error state, in its own language, and comes back', async () => {
  const { context, page, errors } = await open();
  await page.evaluate(() => {
    // The component is in English on a Chinese page: its chart speaks English, through its shadow root.
    const card = Object.assign(document.createElement('div'), { id: 'card', lang: 'en' });
    card.attachShadow({ mode: 'open' }).innerHTML = '<zhibiao-chart chart="growth"></zhibiao-chart>';
    document.getElementById('stage').innerHTML = '<zhibiao-chart chart="nev"></zhibiao-chart>';
    document.getElementById('stage').append(card);
  });
  await page.waitForFunction(() => window.__ready.includes('nev') && window.__ready.includes('growth'));
  const inner = () => document.getElementById('card').shadowRoot.querySelector('zhibiao-chart');
  await page.evaluate(() => {
    window.__ready = [];
    window.__transfer = ImageBitmapRenderingContext.prototype.transferFromImageBitmap;
    ImageBitmapRenderingContext.prototype.transferFromImageBitmap = () => { throw new Error('forced failure'); };
    document.querySelector('zhibiao-chart[chart=nev]').setAttribute('chart', '5g');
  });
  // In one task, before the fresh instance can arrive: the messages are read, the canvas is fixed.
  const messages = await (await page.waitForFunction((f) => {
    const crash = eval(f)().shadowRoot.querySelector('.crash');
    if (!crash) return null;
    ImageBitmapRenderingContext.prototype.transferFromImageBitmap = window.__transfer;
    window.__ready = [];
    return [crash.textContent, document.querySelector('#stage > zhibiao-chart').shadowRoot.querySelector('.crash')?.textContent];
  }, `(${inner})`)).jsonValue();
  assert.deepEqual(messages, ['The chart failed; reloading it…', '图表出错，正在重新加载……'], 'each chart in its own language');
  // The fresh instance remounts it too: it draws again, clears its error state, and follows its attributes.
  await page.waitForFunction(() => window.__ready.includes('5g') && window.__ready.includes('growth'), null, { timeout: 10000 });
  assert.equal(await page.evaluate((f) => eval(f)().shadowRoot.querySelector('.crash'), `(${inner})`), null);
  await page.evaluate((f) => eval(f)().setAttribute('chart', 'nev'), `(${inner})`);
  await page.waitForFunction(() => window.__ready.includes('nev'));
  assert.deepEqual(errors, [], 'no uncaught exception');
  await context.close();
});

test('a mount that fails halfway removes the listeners it added', async () => {
  // The last step of a mount fails: window listeners are already added by then.
  const { context, page, errors } = await open(() => {
    window.IntersectionObserver = class { constructor() { throw new Error('no IntersectionObserver here'); } };
  });
  const consoleErrors = [];
  page.on('console', (m) => { if (m.type() === 'error') consoleErrors.push(m.text()); });
  // The baseline: Playwright adds window listeners of its own.
  const [before, addedBefore] = await page.evaluate(() => [window.__counts.windowListeners, window.__counts.windowAdded]);
  const reported = page.waitForEvent('console', { predicate: (m) => m.type() === 'error' && m.text().includes('cannot mount'), timeout: 10000 }).catch(() => null);
  await page.evaluate(() => { const el = document.createElement('zhibiao-chart'); el.setAttribute('chart', 'nev'); document.getElementById('stage').append(el); });
  await reported;
  assert.ok(consoleErrors.some((e) => e.includes('cannot mount')), 'the failure is reported');
  const counts = await page.evaluate(() => window.__counts);
  assert.ok(counts.windowAdded > addedBefore, 'the mount added window listeners before it failed');
  assert.equal(counts.windowListeners, before, 'the window listener added before the failure is removed');
  assert.equal(counts.observed, 0, 'no ResizeObserver is left observing');
  // A listener left behind would call a dropped closure here and take the failure path.
  await page.mouse.click(5, 700);
  await page.evaluate(() => new Promise((r) => setTimeout(r, 100)));
  assert.ok(!consoleErrors.some((e) => e.includes('a chart failed')), consoleErrors.join('\n'));
  assert.deepEqual(errors, []);
  await context.close();
});

test('a page listener that the widget\'s own work calls (a download\'s click) can change, add and remove charts', async () => {
  // The widget's Download CSV clicks a link in its shadow root while it works on its chart; the
  // click reaches the page's listeners at once, before that work is done. An article's script
  // there changes the chart's language, adds a chart and removes another.
  const { context, page, errors } = await open();
  const consoleErrors = [];
  page.on('console', (m) => { if (m.type() === 'error') consoleErrors.push(m.text()); });
  const alone = await page.evaluate(() => window.__counts.windowListeners);
  await page.evaluate(() => {
    document.getElementById('stage').innerHTML = '<zhibiao-chart chart="nev"></zhibiao-chart><zhibiao-chart chart="5g"></zhibiao-chart>';
  });
  await page.waitForFunction(() => window.__ready.includes('nev') && window.__ready.includes('5g'));
  const perChart = (await page.evaluate(() => window.__counts.windowListeners) - alone) / 2;
  assert.ok(perChart >= 1, 'each chart listens on the window');
  await page.evaluate(() => {
    window.__ready = [];
    window.__calledInside = 0;
    document.addEventListener('click', (e) => {
      // The widget's own link click, not the reader's.
      if (e.isTrusted) return;
      window.__calledInside += 1;
      const stage = document.getElementById('stage');
      stage.querySelector('[chart=nev]').setAttribute('lang', 'en');
      stage.querySelector('[chart="5g"]').remove();
      stage.insertAdjacentHTML('beforeend', '<zhibiao-chart chart="growth"></zhibiao-chart>');
    });
  });
  const nev = page.locator('zhibiao-chart[chart=nev]');
  await Promise.all([page.waitForEvent('download'), nev.getByRole('button', { name: '下载 CSV' }).click()]);
  await page.waitForFunction(() => window.__ready.includes('nev') && window.__ready.includes('growth'), null, { timeout: 5000 });
  assert.equal(await page.evaluate(() => window.__calledInside), 1, 'the page listener ran inside the widget\'s work');
  assert.ok(await nev.getByRole('button', { name: 'Download CSV' }).isVisible(), 'the chart changed language');
  assert.equal(await page.locator('zhibiao-chart .crash').count(), 0, 'no chart failed');
  assert.ok(!consoleErrors.some((e) => e.includes('a chart failed') || e.includes('panic')), consoleErrors.join('\n'));
  assert.equal(await page.evaluate(() => window.__counts.windowListeners) - alone, perChart * 2, 'the removed chart left no window listener behind');
  assert.deepEqual(errors, []);
  await context.close();
});

/** Adds the page style `css`, then puts `html` on the stage. */
async function styledStage(page, css, html) {
  await page.evaluate(([css, html]) => {
    const style = document.createElement('style');
    style.textContent = css;
    document.head.append(style);
    document.getElementById('stage').innerHTML = html;
  }, [css, html]);
}

test('an article\'s text styles do not reach the chart, on the body or on the element itself: its canvas text, tooltip, buttons and table keep their own', async () => {
  const { context, page, errors } = await open();
  await styledStage(page, '', '<zhibiao-chart chart="nev" lang="en"></zhibiao-chart>');
  await page.waitForFunction(() => window.__ready.includes('nev'));
  // The picture the chart shows, drawn before any article style (the canvas's text is laid out
  // with widths the widget measures: measured through the page, a style would move it).
  const picture = (index) => page.evaluate((i) => window.__shown(document.querySelectorAll('zhibiao-chart')[i]).context.canvas.toDataURL(), index);
  const unstyled = await picture(0);
  // A card built (by keys), and the table shown (it is kept for screen readers, off screen and unwrapped, until then).
  await page.locator('zhibiao-chart canvas[role=application]').focus();
  await page.keyboard.press('Home');
  await page.locator('zhibiao-chart .tip.shown').waitFor({ state: 'visible' });
  await page.evaluate(() => document.querySelector('zhibiao-chart').shadowRoot.querySelector('.toolbar button').click());
  const look = () => page.evaluate(() => {
    const root = document.querySelector('zhibiao-chart').shadowRoot;
    const styles = (el) => {
      const s = getComputedStyle(el);
      return [s.letterSpacing, s.wordSpacing, s.textTransform, s.fontStyle, s.fontVariantCaps, s.textIndent, s.whiteSpace,
        s.fontFamily, s.lineHeight, s.color, s.fontWeight].join(' ');
    };
    return [root.querySelector('.tip'), root.querySelector('.toolbar button'), root.querySelector('td:last-child')].map((el) => el && styles(el));
  });
  const own = await look();
  assert.deepEqual(own.map((e) => e.split(' ').slice(0, 7).join(' ')), Array(3).fill('normal 0px none normal normal 0px normal'), 'tooltip, button, table cell');
  // An article's rule for its body, and one for every element in it (which reaches the element).
  for (const selector of ['body', '#stage *']) {
    await page.evaluate((css) => {
      document.getElementById('hostile')?.remove();
      document.head.append(Object.assign(document.createElement('style'), { id: 'hostile', textContent: css }));
    }, `${selector} { letter-spacing: .08em; word-spacing: .3em; text-transform: uppercase; font-style: italic; font-variant: small-caps; text-indent: 2em; text-align: justify; white-space: pre-line; font-family: serif; line-height: 3; color: #c00; font-weight: 300; }`);
    assert.deepEqual(await look(), own, `${selector}: tooltip, button, table cell`);
    // A second chart, laid out and drawn under the article's style, shows the same picture.
    await page.evaluate(() => {
      window.__ready = [];
      document.getElementById('stage').insertAdjacentHTML('beforeend', '<zhibiao-chart chart="nev" lang="en"></zhibiao-chart>');
    });
    await page.waitForFunction(() => window.__ready.includes('nev'));
    assert.ok((await picture(1)) === unstyled, `${selector}: the canvas drawn under the article's style differs from the one drawn without`);
    await page.evaluate(() => document.querySelectorAll('zhibiao-chart')[1].remove());
  }
  assert.deepEqual(errors, []);
  await context.close();
});

test('attributes set just after the element is connected, in the same task, log no error; a bad one logs once, however often it is drawn', async () => {
  const { context, page, errors } = await open();
  // Each error's message, and whether the element logged with it is the chart at fault.
  const logged = [];
  page.on('console', (m) => {
    if (m.type() === 'error') logged.push(Promise.all([m.args()[0]?.jsonValue(), m.args()[1]?.evaluate((el) => el === document.querySelector('#stage zhibiao-chart'))]));
  });
  await page.evaluate(() => {
    const stage = document.getElementById('stage');
    // Created, connected, then named (jQuery's appendTo().attr()); and parsed bare, then named.
    const made = document.createElement('zhibiao-chart');
    stage.append(made);
    made.setAttribute('chart', 'nev');
    stage.insertAdjacentHTML('beforeend', '<zhibiao-chart></zhibiao-chart>');
    stage.lastElementChild.setAttribute('chart', 'growth');
  });
  await page.waitForFunction(() => window.__ready.includes('nev') && window.__ready.includes('growth'));
  assert.deepEqual(await Promise.all(logged), [], 'no error for a chart named within the task');
  // A bad value: its message, logged once, though the chart is redrawn at other widths.
  await page.evaluate(() => document.querySelector('#stage zhibiao-chart').setAttribute('chart', 'pie'));
  await page.locator('#stage zhibiao-chart >> nth=0 >> .message').waitFor();
  for (const width of ['600px', '500px', '']) {
    await page.evaluate((w) => { document.getElementById('stage').style.width = w; }, width);
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  }
  assert.deepEqual(await Promise.all(logged), [['<zhibiao-chart>: Cannot show the chart: attribute chart="pie" is not valid; allowed values are growth, 5g, nev.', true]]);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a page\'s synthetic events of the chart\'s kinds, without their fields, are ignored: no error state, and the chart still answers', async () => {
  const { context, page, errors } = await open();
  await styledStage(page, '', '<zhibiao-chart chart="nev" lang="en"></zhibiao-chart>');
  await page.waitForFunction(() => window.__ready.includes('nev'));
  await page.evaluate(() => {
    const canvas = document.querySelector('zhibiao-chart').shadowRoot.querySelector('canvas');
    for (const type of ['pointermove', 'pointerup', 'pointerleave', 'keydown', 'blur']) canvas.dispatchEvent(new Event(type));
  });
  const chart = page.locator('zhibiao-chart');
  assert.equal(await chart.locator('.crash').count(), 0, 'no error state');
  await chart.locator('canvas[role=application]').focus();
  await page.keyboard.press('ArrowDown');
  await page.waitForFunction((el) => el.shadowRoot.querySelector('.tip.shown .value')?.textContent === '42.4%', await chart.elementHandle());
  assert.deepEqual(errors, []);
  await context.close();
});

test('in an article set in vertical Chinese the chart keeps horizontal lines, at its element\'s width; in columns it stays whole with its buttons', async () => {
  const { context, page, errors } = await open();
  const lorem = '<p>Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore et dolore magna aliqua. </p>'.repeat(4);
  await styledStage(page, '', '<div style="writing-mode: vertical-rl; height: 500px; width: 860px"><p>竖排文字，新闻正文。</p><zhibiao-chart chart="nev"></zhibiao-chart></div>' +
    `<div id="columns" style="columns: 2; column-gap: 40px; width: 860px">${lorem}<zhibiao-chart chart="growth" lang="en"></zhibiao-chart>${lorem}</div>`);
  await page.waitForFunction(() => window.__ready.includes('nev'));
  await page.evaluate(() => document.querySelector('zhibiao-chart').shadowRoot.querySelector('.toolbar button').click());
  const vertical = await page.evaluate(() => {
    const el = document.querySelector('zhibiao-chart');
    const root = el.shadowRoot;
    const box = (node) => node.getBoundingClientRect();
    return {
      writingModes: [root.querySelector('.toolbar'), root.querySelector('table')].map((node) => getComputedStyle(node).writingMode),
      // Drawn at the element's width in whole px (a canvas read in the vertical mode kept its
      // default 300 px).
      canvasVsHost: [box(el).width, box(window.__shown(el).canvas).width],
      buttonsUpright: [...root.querySelectorAll('.toolbar button')].every((b) => box(b).width > box(b).height),
      rowsAcross: box(root.querySelector('tbody tr:nth-child(2)')).width > box(root.querySelector('tbody tr:nth-child(2)')).height,
    };
  });
  const [hostWidth, canvasWidth] = vertical.canvasVsHost;
  assert.ok(hostWidth > 310 && canvasWidth === Math.floor(hostWidth), `the canvas ${canvasWidth} px wide in an element of ${hostWidth} px`);
  assert.deepEqual({ ...vertical, canvasVsHost: true }, { writingModes: ['horizontal-tb', 'horizontal-tb'], canvasVsHost: true, buttonsUpright: true, rowsAcross: true });
  // In columns: the buttons in the chart's column, under it, not at the top of the next one.
  await page.locator('#columns zhibiao-chart').scrollIntoViewIfNeeded();
  await page.waitForFunction(() => window.__ready.includes('growth'));
  const [canvas, toolbar] = await page.locator('#columns zhibiao-chart').evaluate((el) => [window.__shown(el).canvas, el.shadowRoot.querySelector('.toolbar')]
    .map((node) => { const r = node.getBoundingClientRect(); return { left: Math.round(r.left), top: Math.round(r.top), bottom: Math.round(r.bottom) }; }));
  assert.ok(toolbar.left - canvas.left < 40 && toolbar.top >= canvas.bottom, `canvas ${JSON.stringify(canvas)}, toolbar ${JSON.stringify(toolbar)}`);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a page that makes the element inline or display: contents, or pads it, still gets the chart drawn at its width from the first draw, with the card by its bar', async () => {
  const { context, page, errors } = await open();
  await styledStage(page, '#inline { display: inline; } #contents { display: contents; } #padded { padding: 24px; }',
    ['inline', 'contents', 'padded', 'plain']
      .map((id) => `<div style="width: 900px"><zhibiao-chart id="${id}" chart="nev" lang="en" focus-point="nev_sales_growth"></zhibiao-chart></div>`).join(''));
  await page.waitForFunction(() => window.__ready.length === 4, null, { timeout: 5000 });
  // Each drawn once: at its width from the first draw (a draw sets the canvas's transform once).
  for (let i = 0; i < 3; i += 1) await page.evaluate(() => window.__frame());
  assert.equal(await page.evaluate(() => window.__counts.transforms), 4, 'four charts, four draws');
  // The view (or drawn canvas) as wide as the space the page gives the chart, in device pixels,
  // and the place of the page's point's card (shown by keys: away and back) relative to the canvas.
  const seen = [];
  for (const id of ['inline', 'contents', 'padded', 'plain']) {
    await page.locator(`#${id} canvas[role=application]`).focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowLeft');
    await page.waitForFunction((id) => document.getElementById(id).shadowRoot.querySelector('.tip.shown .value')?.textContent === '44.1%', id);
    seen.push(await page.evaluate((id) => {
      const root = document.getElementById(id).shadowRoot;
      const { canvas } = window.__shown(document.getElementById(id));
      const box = canvas.getBoundingClientRect();
      const card = root.querySelector('.tip.shown').getBoundingClientRect();
      return { id, width: canvas.width / devicePixelRatio, cssWidth: box.width, card: [Math.round(card.left - box.left), Math.round(card.top - box.top)] };
    }, id));
  }
  const plain = seen[3];
  assert.equal(plain.width, 900, 'the plain chart fills its 900 px');
  for (const s of seen.slice(0, 2)) assert.equal(s.width, 900, `${s.id}: drawn at the container's width`);
  assert.equal(seen[2].width, 852, 'padded: drawn at its content width, 900 − 2 × 24 px');
  for (const s of seen.slice(0, 2)) assert.deepEqual(s.card, plain.card, `${s.id}: the card where it is in the plain chart`);
  // The padded chart is narrower, so its card may sit elsewhere; it stays off its bar's figure.
  await page.locator('#padded canvas[role=application]').focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowLeft');
  await page.waitForFunction(() => document.getElementById('padded').shadowRoot.querySelector('.tip.shown .value')?.textContent === '44.1%');
  const padded = await page.evaluate(() => {
    const root = document.getElementById('padded').shadowRoot;
    const card = root.querySelector('.tip.shown').getBoundingClientRect();
    const plot = root.querySelector('.plot').getBoundingClientRect();
    return { left: card.left - plot.left, top: card.top - plot.top, plotWidth: plot.width };
  });
  assert.ok(padded.left >= 0 && padded.top >= 0 && padded.left < padded.plotWidth, `the card inside the padded chart's plot: ${JSON.stringify(padded)}`);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a chart is dark only where its page lets it be: the colour scheme it is shown in, followed when the page or the reader switches', async () => {
  const { context, page, errors } = await open();
  // A reader in dark mode, on a page that declares no colour scheme (as most articles).
  await page.emulateMedia({ colorScheme: 'dark' });
  await styledStage(page, '#own { color-scheme: light dark; }',
    '<zhibiao-chart id="plain" chart="nev"></zhibiao-chart><zhibiao-chart id="own" chart="nev"></zhibiao-chart>');
  await page.waitForFunction(() => window.__ready.length === 2, null, { timeout: 5000 });
  // What the reader sees of each: the canvas's top-left pixel (theme.rs: #ffffff light, #16181c
  // dark) and the element's ground.
  const seen = () => page.evaluate(() => ['plain', 'own'].map((id) => {
    const el = document.getElementById(id);
    return `${id}: ${window.__corner(el)} ${getComputedStyle(el).backgroundColor}`;
  }));
  const LIGHT = 'ffffff rgb(255, 255, 255)';
  const DARK = '16181c rgb(22, 24, 28)';
  // A switch shows at the next frames; it fails if not within 2 s.
  const becomes = async (expected, message) => {
    const until = Date.now() + 2000;
    let now = await seen();
    while (JSON.stringify(now) !== JSON.stringify(expected) && Date.now() < until) {
      await page.evaluate(() => window.__frame());
      now = await seen();
    }
    assert.deepEqual(now, expected, message);
  };
  await becomes([`plain: ${LIGHT}`, `own: ${DARK}`], 'light on a page without a colour scheme; dark where the element allows it');
  // The page declares both schemes at run time, and sets the second chart to light only.
  await page.evaluate(() => {
    document.documentElement.style.colorScheme = 'light dark';
    document.getElementById('own').style.colorScheme = 'only light';
  });
  await becomes([`plain: ${DARK}`, `own: ${LIGHT}`], 'each redrawn in the scheme the page now gives it');
  // The reader switches to light: the chart that follows the preference follows it.
  await page.emulateMedia({ colorScheme: 'light' });
  await becomes([`plain: ${LIGHT}`, `own: ${LIGHT}`], 'the reader\'s switch followed');
  // The same through the page's <meta name="color-scheme">, with no CSS.
  await page.evaluate(() => { document.documentElement.style.colorScheme = ''; });
  await page.emulateMedia({ colorScheme: 'dark' });
  await becomes([`plain: ${LIGHT}`, `own: ${LIGHT}`], 'light again once the page declares nothing');
  await page.evaluate(() => document.head.append(Object.assign(document.createElement('meta'), { name: 'color-scheme', content: 'light dark' })));
  await becomes([`plain: ${DARK}`, `own: ${LIGHT}`], 'dark under the page\'s meta tag');
  assert.deepEqual(errors, []);
  await context.close();
});

test('with several charts on a page, each button\'s accessible name says which chart it acts on, after the words it shows', async () => {
  const { context, page, errors } = await open();
  // Tall enough for all four to be drawn (a chart far off screen waits).
  await page.setViewportSize({ width: 900, height: 4000 });
  await styledStage(page, '', ['growth', '5g', 'nev'].map((c) => `<zhibiao-chart chart="${c}" lang="en"></zhibiao-chart>`).join('')
    + '<zhibiao-chart chart="nev" lang="zh"></zhibiao-chart>');
  await page.waitForFunction(() => window.__ready.length === 4, null, { timeout: 5000 });
  const titles = await page.evaluate(() => [...document.querySelectorAll('zhibiao-chart')]
    .map((el) => el.shadowRoot.querySelector('canvas[role=application]').getAttribute('aria-label')));
  for (const label of ['Table', 'Download PNG', 'Download CSV', 'Copy link']) {
    // The words on the button start its name (what a voice-control user says), so it is found by them…
    assert.equal(await page.getByRole('button', { name: new RegExp(`^${label}, `) }).count(), 3, label);
    // …and its name as a whole is one chart's.
    for (const title of titles.slice(0, 3)) {
      assert.equal(await page.getByRole('button', { name: `${label}, ${title}`, exact: true }).count(), 1, `${label}, ${title}`);
    }
  }
  assert.equal(await page.getByRole('button', { name: `下载 PNG，${titles[3]}`, exact: true }).count(), 1, 'in Chinese');
  assert.deepEqual(errors, []);
  await context.close();
});

test('in a container that sizes itself to its content, or centres a flex column, a chart fills the width it is given there, as the README says', async () => {
  const { context, page, errors } = await open();
  await page.setViewportSize({ width: 900, height: 4000 });
  // [container's style, element's style]: in the flex column the element takes the width; in the
  // others the container has one to give.
  const cases = [
    ['display: flex; flex-direction: column; align-items: center', 'width: 100%'],
    ['display: inline-block; width: 100%', ''],
    ['float: left; width: 100%', ''],
    ['position: absolute; width: 100%', ''],
  ];
  await styledStage(page, '.box { position: relative; width: 600px; height: 320px; } .box > * { top: 0; left: 0; }',
    cases.map(([outer, inner]) => `<div class="box"><div style="${outer}"><zhibiao-chart chart="nev" lang="en" style="${inner}"></zhibiao-chart></div></div>`).join(''));
  await page.waitForFunction(() => window.__ready.length === 4, null, { timeout: 5000 });
  const widths = await page.evaluate(() => [...document.querySelectorAll('zhibiao-chart')]
    .map((el) => [el.getBoundingClientRect().width, window.__shown(el).canvas.width / devicePixelRatio]));
  assert.deepEqual(widths, cases.map(() => [600, 600]), cases.map((c) => c.join(' + ')).join(' | '));
  assert.deepEqual(errors, []);
  await context.close();
});

test('in forced colours (a contrast theme), the canvas takes the theme\'s side, whatever the page declares', async () => {
  for (const [colorScheme, corner] of [['dark', '16181c'], ['light', 'ffffff']]) {
    const { context, page, errors } = await open();
    await page.emulateMedia({ forcedColors: 'active', colorScheme });
    await styledStage(page, '', '<zhibiao-chart chart="nev" lang="en"></zhibiao-chart>');
    await page.waitForFunction(() => window.__ready.length === 1, null, { timeout: 5000 });
    const seen = await page.evaluate(() => window.__corner(document.querySelector('zhibiao-chart')));
    assert.equal(seen, corner, `a ${colorScheme} contrast theme`);
    assert.deepEqual(errors, []);
    await context.close();
  }
});
