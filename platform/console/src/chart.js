// The confirmed-devices chart (uPlot): cumulative CONFIRMED devices over time.
import uPlot from 'uplot';
import { useEffect, useRef } from 'preact/hooks';
import { html } from './ui.js';

/** props: points [{ at (ISO), confirmed }]. */
export function ConfirmedChart({ points }) {
  const box = useRef(null);
  const plot = useRef(null);
  useEffect(() => {
    const data = [points.map((p) => Date.parse(p.at) / 1000), points.map((p) => p.confirmed)];
    const width = Math.max(280, box.current.clientWidth - 8);
    if (!plot.current) {
      plot.current = new uPlot({
        width,
        height: 220,
        scales: { x: { time: true } },
        axes: [{}, { label: 'devices' }],
        series: [{ label: 'time' }, { label: 'confirmed', stroke: '#1d6b3a', width: 2, fill: 'rgba(29,107,58,0.12)' }],
        legend: { show: true },
      }, data, box.current);
    } else {
      plot.current.setSize({ width, height: 220 });
      plot.current.setData(data);
    }
  }, [JSON.stringify(points)]);
  useEffect(() => () => plot.current && plot.current.destroy(), []);
  const last = points.length ? points[points.length - 1].confirmed : 0;
  return html`<figure class="chart">
    <div ref=${box} role="img" aria-label=${`Confirmed devices over time: ${last} confirmed so far`}></div>
    <figcaption class="muted">Confirmed devices, cumulative, from the time each device was confirmed (store).</figcaption>
  </figure>`;
}
