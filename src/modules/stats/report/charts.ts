// Charts of the report rendered on the server: ECharts SSR to SVG, rasterised to PNG by resvg
// (the .docx embeds the PNG; Word shows it everywhere). Fonts: the system's CJK fonts.
// Both libraries are loaded on first use: ECharts alone costs about 0.5 s of CPU at import.
type ECharts = typeof import('echarts');
type ResvgModule = typeof import('@resvg/resvg-js');

let echartsLoaded: Promise<ECharts> | undefined;
let resvgLoaded: Promise<ResvgModule> | undefined;
const loadEcharts = (): Promise<ECharts> => (echartsLoaded ??= import('echarts'));
const loadResvg = (): Promise<ResvgModule> => (resvgLoaded ??= import('@resvg/resvg-js'));

export interface BarSeries {
  name: string;
  values: number[];
}

export interface ChartImage {
  svg: string;
  png: Buffer;
  width: number;
  height: number;
}

const FONT = 'Noto Sans CJK SC, Noto Serif CJK SC, sans-serif';

export async function barChartSvg(title: string, categories: string[], series: BarSeries[], width = 640, height = 320): Promise<string> {
  const echarts = await loadEcharts();
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  chart.setOption({
    animation: false,
    textStyle: { fontFamily: FONT },
    title: { text: title, left: 'center', textStyle: { fontSize: 14, fontFamily: FONT } },
    legend: { bottom: 0, textStyle: { fontFamily: FONT } },
    grid: { left: 56, right: 16, top: 40, bottom: 90 },
    xAxis: { type: 'category', data: categories, axisLabel: { interval: 0, rotate: categories.length > 6 ? 40 : 0, fontFamily: FONT } },
    yAxis: { type: 'value' },
    series: series.map((s) => ({ type: 'bar', name: s.name, data: s.values })),
  });
  const svg = chart.renderToSVGString();
  chart.dispose();
  return svg;
}

export async function barChart(title: string, categories: string[], series: BarSeries[], width = 640, height = 320): Promise<ChartImage> {
  const svg = await barChartSvg(title, categories, series, width, height);
  const { Resvg } = await loadResvg();
  const png = new Resvg(svg, { font: { loadSystemFonts: true, defaultFontFamily: 'Noto Sans CJK SC' }, fitTo: { mode: 'width', value: width * 2 } }).render().asPng();
  return { svg, png: Buffer.from(png), width, height };
}
