// Equity and drawdown charts, drawn by uPlot (vendored) from /api/equity; fills are marked
// on the equity chart (buys and sells as points at the equity of their time).
(async function () {
  const reply = await fetch("/api/equity", { credentials: "same-origin" });
  if (!reply.ok) { return; }
  const series = await reply.json();
  const times = series.points.map(p => p.time_ms / 1000);
  const equity = series.points.map(p => Number(p.equity));
  const drawdown = series.points.map(p => -100 * Number(p.drawdown));
  const near = t => { let i = times.findIndex(x => x >= t); return i < 0 ? times.length - 1 : i; };
  const buys = times.map(() => null), sells = times.map(() => null);
  for (const f of series.fills) {
    const i = near(f.timestamp_ms / 1000);
    if (i >= 0) { (f.side === "BUY" ? buys : sells)[i] = equity[i]; }
  }
  const width = Math.min(1100, document.body.clientWidth - 40);
  const point = (fill) => ({ show: true, size: 8, fill });
  document.getElementById("equity-chart").dataset.points = String(times.length);
  new uPlot({ title: "equity (TRY)", width, height: 260, series: [{},
      { label: "equity", stroke: "#1f5fbf" },
      { label: "buys", stroke: "transparent", points: point("#17692c"), paths: () => null },
      { label: "sells", stroke: "transparent", points: point("#b00020"), paths: () => null }] },
    [times, equity, buys, sells], document.getElementById("equity-chart"));
  new uPlot({ title: "drawdown (%)", width, height: 160,
      series: [{}, { label: "drawdown", stroke: "#b00020", fill: "rgba(176,0,32,.1)" }] },
    [times, drawdown], document.getElementById("drawdown-chart"));
})();
