// A tiny trend line for table rows, drawn server-side from lib/dashboard/prepare-sparkline.
import { prepareSparkline } from '@/lib/dashboard/prepare-sparkline';

export function SparklineSvg({ values, color, label }: { values: (number | null)[]; color: string; label: string }) {
  const line = prepareSparkline(values);
  return (
    <svg width={line.width} height={line.height} role="img" aria-label={`${label}, peak ${line.max.toLocaleString('en-US')}`}>
      {line.path ? <path d={line.path} fill="none" stroke={color} strokeWidth="1.5" /> : null}
      {line.dots.map((dot) => (
        <circle key={`${dot.x}-${dot.y}`} cx={dot.x} cy={dot.y} r="1.75" fill={color} />
      ))}
    </svg>
  );
}
