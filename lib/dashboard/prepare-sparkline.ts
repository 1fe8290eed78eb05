// A sparkline as an SVG path: small, server-rendered, and honest about gaps (a bucket
// without calls breaks the line instead of drawing a zero).

export interface Sparkline {
  /** SVG path data; '' when there is nothing to draw. */
  path: string;
  /** Points with no value on either side: a path cannot show them, so they become dots. */
  dots: { x: number; y: number }[];
  width: number;
  height: number;
  /** The largest value, for the accessible description. */
  max: number;
}

export function prepareSparkline(values: readonly (number | null)[], width = 120, height = 28): Sparkline {
  const present = values.filter((v): v is number => v !== null);
  const max = present.length ? Math.max(...present) : 0;
  if (values.length === 0 || present.length === 0) return { path: '', dots: [], width, height, max };
  const x = (i: number) => (values.length === 1 ? width / 2 : (i / (values.length - 1)) * width);
  // 1px of padding so a flat line at the top or bottom stays visible.
  const y = (v: number) => (max === 0 ? height - 1 : height - 1 - (v / max) * (height - 2));
  let path = '';
  let penDown = false;
  const dots: { x: number; y: number }[] = [];
  values.forEach((v, i) => {
    if (v === null) {
      penDown = false;
      return;
    }
    const isolated = (values[i - 1] ?? null) === null && (values[i + 1] ?? null) === null;
    if (isolated) dots.push({ x: +x(i).toFixed(1), y: +y(v).toFixed(1) });
    else path += `${penDown ? 'L' : 'M'}${x(i).toFixed(1)} ${y(v).toFixed(1)}`;
    penDown = !isolated;
  });
  return { path, dots, width, height, max };
}
