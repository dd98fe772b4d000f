// The demo page on paper: every tab's chart, not only the open tab's (the tabs are not printed).
// page.js imports this before the widget's entry, so this beforeprint listener is added, and
// runs, before the charts' own, which draw the panels it shows.
const panels = [...document.querySelectorAll('[role="tabpanel"]')];
let hiddenForPrint = [];
window.addEventListener('beforeprint', () => {
  hiddenForPrint = panels.filter((panel) => panel.hidden);
  for (const panel of hiddenForPrint) panel.hidden = false;
});
window.addEventListener('afterprint', () => {
  for (const panel of hiddenForPrint) panel.hidden = true;
  hiddenForPrint = [];
});
