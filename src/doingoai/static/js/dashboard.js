// Dashboard charts (ECharts). Data comes from the page's json_script block; every
// bar, country and point links to the filtered list that makes it.
(function () {
  "use strict";
  var holder = document.getElementById("dashboard-data");
  if (!holder || typeof echarts === "undefined") { return; }
  var data = JSON.parse(holder.textContent);
  var L = data.labels;
  var charts = [];
  var fmt = function (v) { return Number(v || 0).toLocaleString("vi-VN"); };
  // a money axis: "2,5 tỷ", "250 tr" (Vietnamese separators in both languages)
  var money = function (v) {
    return v >= 1e9 ? fmt(v / 1e9) + " " + (L.billion || "tỷ")
      : v >= 1e6 ? fmt(v / 1e6) + " " + (L.million || "tr") : fmt(v);
  };

  // Tooltips as rich text, not HTML: the CSP allows no inline styles.
  var TIP = { renderMode: "richText" };
  function tip(extra) { return Object.assign({}, TIP, extra || {}); }

  function make(id) {
    var el = document.getElementById(id);
    if (!el) { return null; }
    var chart = echarts.init(el, null, { renderer: "canvas" });
    chart.on("click", function (p) {
      var url = (p.data && p.data.url) || null;
      if (url) { window.location.href = url; }
    });
    charts.push(chart);
    return chart;
  }
  function empty(chart, text) {
    chart.setOption({ title: { text: text || "—", left: "center", top: "middle",
      textStyle: { color: "#98a2b3", fontSize: 14, fontWeight: "normal" } } });
  }

  // Activities by kind and year: stacked bars and the total as a line.
  var years = make("chart-years");
  if (years) {
    var series = data.kindsByYear.map(function (k) {
      return { name: k.name, type: "bar", stack: "kinds", data: k.data, emphasis: { focus: "series" } };
    });
    series.push({ name: L.total, type: "line", data: data.totalByYear, symbolSize: 8,
      label: { show: true, position: "top" }, z: 5 });
    // every kind in the legend, wrapped over lines rather than paged ("1/3"): the chart
    // grows by the lines the legend takes at its width
    var perLine = Math.max(1, Math.floor(years.getWidth() / 150));
    var lines = Math.ceil(series.length / perLine);
    years.getDom().style.height = (260 + lines * 22) + "px";
    years.resize();
    years.setOption({
      tooltip: tip({ trigger: "axis" }), legend: { type: "plain", bottom: 0, left: "center" },
      grid: { left: 40, right: 16, top: 24, bottom: 30 + lines * 22 },
      xAxis: { type: "category", data: data.years.map(String) },
      yAxis: { type: "value", minInterval: 1 }, series: series,
    });
  }

  var kinds = make("chart-kinds");
  if (kinds) {
    if (!data.byKind.length) { empty(kinds); } else {
      var byKind = data.byKind.slice().reverse();
      kinds.setOption({
        tooltip: tip(), grid: { left: 150, right: 30, top: 10, bottom: 24 },
        xAxis: { type: "value", minInterval: 1 },
        yAxis: { type: "category", data: byKind.map(function (k) { return k.name; }) },
        series: [{ type: "bar", data: byKind, itemStyle: { color: "#1f5fa8" },
          label: { show: true, position: "right" } }],
      });
    }
  }

  // World maps: the partners' countries, then the layers other apps add (Vietnamese
  // women's organizations abroad ...); the country shapes are fetched once.
  var world = null;
  function worldMap(id, rows, describe) {
    var map = make(id);
    if (!map) { return; }
    map.showLoading();
    world = world || fetch(data.geojson, { credentials: "same-origin" })
      .then(function (r) { return r.json(); })
      .then(function (geo) { echarts.registerMap("world", geo); return geo; });
    world.then(function (geo) {
        var labels = {};
        geo.features.forEach(function (f) { labels[f.properties.name] = f.properties.label; });
        var max = Math.max.apply(null, [1].concat(rows.map(function (c) { return c.value; })));
        map.hideLoading();
        map.setOption({
          tooltip: tip({ trigger: "item", formatter: function (p) {
            var d = p.data;
            var name = d ? d.label : (labels[p.name] || p.name);
            return d ? name + ": " + describe(d) : name;
          } }),
          visualMap: { min: 0, max: max, left: 10, bottom: 10, calculable: false,
            inRange: { color: ["#d6e4f5", "#1f5fa8"] }, text: [String(max), "0"] },
          series: [{ type: "map", map: "world", roam: true, nameProperty: "name", zoom: 1.15,
            emphasis: { label: { show: false }, itemStyle: { areaColor: "#b4235a" } },
            itemStyle: { areaColor: "#eef0f3", borderColor: "#c5cad3" },
            data: rows }],
        });
      })
      .catch(function () { map.hideLoading(); empty(map); });
  }
  worldMap("chart-map", data.partnerCountries, function (d) {
    return d.value + " " + L.partners + " (" + d["new"] + " " + L["new"] + ")";
  });
  (data.mapLayers || []).forEach(function (layer) {
    worldMap("chart-map-" + layer.key, layer.countries, function (d) {
      return d.value + " " + layer.noun + (d.note ? " (" + d.note + ")" : "");
    });
  });

  var SHOWN_BARS = 12;
  function directionBars(id, rows) {
    var chart = make(id);
    if (!chart) { return; }
    if (!rows.length) { empty(chart); return; }
    var names = [];
    rows.forEach(function (r) { if (names.indexOf(r.name) < 0) { names.push(r.name); } });
    function serie(direction, label, color) {
      return { name: label, type: "bar", itemStyle: { color: color },
        data: names.map(function (n) {
          var row = rows.filter(function (r) { return r.name === n && r.direction === direction; })[0];
          return row ? { value: row.vnd, url: row.url } : { value: 0 };
        }) };
    }
    // a national figure has a hundred countries: the leading ones shown, the rest
    // reached with the slider under the chart (every label readable)
    var many = names.length > SHOWN_BARS;
    chart.setOption({
      tooltip: tip({ trigger: "axis", valueFormatter: function (v) { return fmt(v) + " ₫"; } }),
      legend: { bottom: 0 }, grid: { left: 90, right: 16, top: 16, bottom: many ? 106 : 48 },
      dataZoom: many ? [{ type: "slider", startValue: 0, endValue: SHOWN_BARS - 1, bottom: 30,
                          height: 16, showDetail: false, zoomLock: true },
                        { type: "inside", zoomLock: true }] : [],
      xAxis: { type: "category", data: names, axisLabel: { interval: 0, rotate: names.length > 4 ? 30 : 0 } },
      yAxis: { type: "value", axisLabel: { formatter: function (v) {
        return money(v); } } },
      series: [serie("received", L.received, "#1e7a46"), serie("given", L.given, "#b4235a")],
    });
  }
  directionBars("chart-resources", data.resourcesByCountry);
  directionBars("chart-resource-kinds", data.resourcesByKind);

  // Timeline: one bar per agreement from start to end, its reviews as points.
  var tl = make("chart-timeline");
  if (tl) {
    var items = data.timeline;
    if (!items.length) { empty(tl); } else {
      var cats = items.map(function (a) { return a.title.length > 48 ? a.title.slice(0, 46) + "…" : a.title; });
      var bars = items.map(function (a, i) {
        return { value: [i, Date.parse(a.start), Date.parse(a.end)], url: a.url, name: a.title,
          span: a.start + " → " + a.end };
      });
      var states = [
        { key: "held", name: L.heldReview || L.held, color: "#1e7a46", data: [] },
        { key: "planned", name: L.planned || L.review, color: "#a86200", data: [] },
        { key: "overdue", name: L.overdue, color: "#b42318", data: [] },
      ];
      items.forEach(function (a, i) {
        a.reviews.forEach(function (r) {
          var state = states[r.held ? 0 : (r.overdue ? 2 : 1)];
          state.data.push({ value: [r.date, i], name: r.kind, url: a.url, held: r.held });
        });
      });
      tl.getDom().style.height = Math.max(220, 40 + items.length * 32) + "px";
      tl.resize();
      tl.setOption({
        tooltip: tip({ formatter: function (p) {
          if (p.seriesType === "custom") { return p.data.name + "\n" + p.data.span; }
          return p.data.name + ": " + p.data.value[0] + (p.data.held ? " (" + L.held + ")" : "");
        } }),
        legend: { bottom: 0, data: states.filter(function (st) { return st.data.length; })
          .map(function (st) { return st.name; }) },
        grid: { left: 260, right: 24, top: 30, bottom: 56 },
        xAxis: { type: "time" },
        yAxis: { type: "category", data: cats, inverse: true },
        series: [{
          type: "custom", encode: { x: [1, 2], y: 0 }, data: bars,
          renderItem: function (params, api) {
            var start = api.coord([api.value(1), api.value(0)]);
            var end = api.coord([api.value(2), api.value(0)]);
            var h = api.size([0, 1])[1] * 0.5;
            return { type: "rect", shape: { x: start[0], y: start[1] - h / 2, width: Math.max(2, end[0] - start[0]), height: h },
              style: api.style({ fill: "#9ab8df" }) };
          },
        }].concat(states.filter(function (st) { return st.data.length; }).map(function (st, n) {
          var serie = { type: "scatter", name: st.name, data: st.data, symbol: "diamond",
            symbolSize: 14, z: 5, itemStyle: { color: st.color } };
          if (n === 0) {
            // "Hôm nay" above the plot (the category axis runs downwards), clear of the years
            serie.markLine = { silent: true, symbol: "none",
              lineStyle: { color: "#b4235a", type: "dashed" },
              label: { formatter: L.today, position: "start" }, data: [{ xAxis: data.today }] };
          }
          return serie;
        })),
      });
    }
  }

  // Charts follow the window, once a frame. A chart whose box is momentarily empty (a
  // window shrunk to nothing, as Chromium does for a full-page capture) is left as it is:
  // ECharts cannot lay a map out in no room (it throws) and the next resize redraws it.
  var pending = false;
  window.addEventListener("resize", function () {
    if (pending) { return; }
    pending = true;
    window.requestAnimationFrame(function () {
      pending = false;
      charts.forEach(function (c) {
        var dom = c.getDom();
        if (dom.clientWidth > 0 && dom.clientHeight > 0) { c.resize(); }
      });
    });
  });
})();
