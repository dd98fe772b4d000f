const { title, source, rows } = window.GROWTH;
const chart = echarts.init(document.getElementById('c'), null, { renderer: 'canvas' });
chart.on('finished', () => {
  if (!performance.getEntriesByName('chart-ready').length) performance.mark('chart-ready');
});
chart.setOption({
  animation: false,
  title: { text: title, subtext: source, left: 10 },
  tooltip: { trigger: 'item', valueFormatter: (v) => `${v}%` },
  grid: { left: 170, right: 60, top: 70, bottom: 30 },
  xAxis: { type: 'value', axisLabel: { formatter: '{value}%' } },
  yAxis: { type: 'category', data: rows.map((r) => r.label).reverse() },
  series: [{ type: 'bar', data: rows.map((r) => r.value).reverse(), itemStyle: { color: '#0072b2' },
    label: { show: true, position: 'right', formatter: '{c}%' } }],
});
