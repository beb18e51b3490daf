import { heatSteps } from './calendar-grid';

/** What each shade stands for this month; the numbers in the days say the same without colour. */
export function HeatLegend({ max }: { max: number }) {
  const steps = heatSteps(max);
  if (steps.length === 0) return null;
  return (
    <ul className="heat-legend" aria-label="Heat map legend: people due per day">
      <li className="heat-legend-title">People due per day:</li>
      {steps.map((s) => (
        <li key={s.level}>
          <span className="heat-swatch" data-heat={s.level} aria-hidden="true" />
          {s.from === s.to ? s.from : `${s.from}–${s.to}`}
        </li>
      ))}
    </ul>
  );
}
