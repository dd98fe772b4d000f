// uPlot has no tooltip of its own (its legend shows the hovered value): this page adds the
// usual one, a box over the plot that a setCursor hook fills and moves, as uPlot's demos do.
const { title, source, rows } = window.GROWTH;
const tip = Object.assign(document.createElement('div'), { className: 'tip', hidden: true });
document.getElementById('source').textContent = source;
const xs = rows.map((_, i) => i);
new uPlot({
  title,
  width: 800,
  height: 400,
  scales: { x: { time: false, range: [-0.5, rows.length - 0.5] }, y: { range: [0, 50] } },
  axes: [
    { values: (u, ticks) => ticks.map((t) => rows[t]?.label ?? ''), space: 20, size: 40, gap: 4, splits: () => xs },
    { values: (u, ticks) => ticks.map((t) => `${t}%`) },
  ],
  series: [{}, { label: '同比增速', fill: '#0072b2', stroke: '#0072b2', paths: uPlot.paths.bars({ size: [0.6] }),
    points: { show: false }, value: (u, v) => (v == null ? '' : `${v}%`) }],
  hooks: {
    init: [(u) => u.over.append(tip)],
    setCursor: [(u) => {
      const i = u.cursor.idx;
      tip.hidden = i == null;
      if (i == null) return;
      tip.textContent = `${rows[i].label}: ${rows[i].value}%`;
      tip.style.transform = `translate(${u.cursor.left + 12}px, ${u.cursor.top + 12}px)`;
    }],
    ready: [() => {
      if (!performance.getEntriesByName('chart-ready').length) performance.mark('chart-ready');
    }],
  },
}, [xs, rows.map((r) => r.value)], document.getElementById('c'));
