const { title, source, rows } = window.GROWTH;
new Chart(document.getElementById('canvas'), {
  type: 'bar',
  data: { labels: rows.map((r) => r.label), datasets: [{ data: rows.map((r) => r.value), backgroundColor: '#0072b2' }] },
  options: {
    indexAxis: 'y',
    animation: false,
    maintainAspectRatio: false,
    scales: { x: { ticks: { callback: (v) => `${v}%` } } },
    plugins: {
      legend: { display: false },
      title: { display: true, text: title },
      subtitle: { display: true, text: source, position: 'bottom' },
      tooltip: { callbacks: { label: (c) => `${c.parsed.x}%` } },
    },
  },
  plugins: [{ id: 'ready', afterRender() {
    if (!performance.getEntriesByName('chart-ready').length) performance.mark('chart-ready');
  } }],
});
