// A BPMN diagram drawn by bpmn-js (NavigatedViewer: pan and zoom, the bpmn.io watermark kept as its licence
// requires) with overlays: the number of instances waiting in each activity, the active elements and the path taken.
import NavigatedViewer from 'bpmn-js/lib/NavigatedViewer';
import { useEffect, useRef, useState } from 'preact/hooks';
import { html } from './ui.js';

/**
 * props: xml (BPMN 2.0 XML); counts ({ activityId: { instances, incidents } }); active ([activityId]);
 * passed ([activityId]); title (accessible name of the figure).
 */
export function BpmnDiagram({ xml, counts, active, passed, title }) {
  const container = useRef(null);
  const viewer = useRef(null);
  const [problem, setProblem] = useState(null);
  const [names, setNames] = useState({});

  useEffect(() => {
    viewer.current = new NavigatedViewer({ container: container.current });
    return () => viewer.current.destroy();
  }, []);

  useEffect(() => {
    if (!xml) return;
    let cancelled = false;
    (async () => {
      try {
        await viewer.current.importXML(xml);
        if (cancelled) return;
        viewer.current.get('canvas').zoom('fit-viewport', 'auto');
        const n = {};
        viewer.current.get('elementRegistry').forEach((e) => {
          if (e.businessObject?.name) n[e.id] = e.businessObject.name;
        });
        setNames(n);
        setProblem(null);
      } catch (e) {
        setProblem(String(e.message || e));
      }
    })();
    return () => {
      cancelled = true;
    };
  }, [xml]);

  // overlays and markers follow the data without re-importing the diagram
  useEffect(() => {
    if (!xml || !viewer.current) return;
    const v = viewer.current;
    const apply = () => {
      let registry;
      let overlays;
      let canvas;
      try {
        registry = v.get('elementRegistry');
        overlays = v.get('overlays');
        canvas = v.get('canvas');
      } catch (e) {
        return;
      }
      overlays.remove({ type: 'secflow' });
      registry.forEach((e) => {
        canvas.removeMarker(e.id, 'secflow-active');
        canvas.removeMarker(e.id, 'secflow-passed');
      });
      (passed || []).forEach((id) => registry.get(id) && canvas.addMarker(id, 'secflow-passed'));
      (active || []).forEach((id) => registry.get(id) && canvas.addMarker(id, 'secflow-active'));
      Object.entries(counts || {}).forEach(([id, c]) => {
        if (!registry.get(id)) return;
        const el = document.createElement('span');
        el.className = 'bpmn-count';
        el.dataset.activity = id;
        el.title = `${c.instances} running instance(s) in ${names[id] || id}`;
        el.textContent = String(c.instances);
        overlays.add(id, 'secflow', { position: { bottom: 8, left: -8 }, html: el });
        if (c.incidents) {
          const inc = document.createElement('span');
          inc.className = 'bpmn-incidents';
          inc.title = `${c.incidents} incident(s)`;
          inc.textContent = String(c.incidents);
          overlays.add(id, 'secflow', { position: { bottom: 8, right: 8 }, html: inc });
        }
      });
    };
    // importXML is asynchronous: apply once it has drawn, and again on every change
    const t = setTimeout(apply, 0);
    return () => clearTimeout(t);
  }, [xml, names, JSON.stringify(counts), JSON.stringify(active), JSON.stringify(passed)]);

  const countList = Object.entries(counts || {});
  return html`<figure class="diagram">
    <div class="diagram-canvas" ref=${container} role="img" aria-label=${title || 'BPMN diagram'}></div>
    <figcaption>
      ${problem ? html`<span class="problem">The diagram cannot be drawn: ${problem}</span>` : null}
      ${active && active.length ? html`<span>Active: ${active.map((id) => html`<span class="tag active-element" data-activity=${id}>${names[id] || id}</span>`)}</span>` : null}
      ${countList.length ? html`<details><summary>Instances per activity (${countList.reduce((s, [, c]) => s + c.instances, 0)} in all)</summary>
        <ul class="activity-counts">${countList.map(([id, c]) => html`<li data-activity=${id}>${names[id] || id}: ${c.instances}${c.incidents ? `, ${c.incidents} incident(s)` : ''}</li>`)}</ul>
      </details>` : null}
      <span class="muted">Drag to pan, scroll to zoom. Diagram drawn by bpmn-js.</span>
    </figcaption>
  </figure>`;
}
