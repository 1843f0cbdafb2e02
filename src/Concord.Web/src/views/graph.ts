import cytoscape from 'cytoscape';
import { get } from '../api';
import { h, replace } from '../dom';
import { t, tOr } from '../i18n';
import { navigate } from '../router';
import type { Summary } from '../types';

interface GraphView {
  center: string;
  nodes: Summary[];
  edges: { id: string; kind: string; source: string; target: string }[];
}

const colours: Record<string, string> = {
  'threat-actor': '#a1122a', 'intrusion-set': '#c0561f', incident: '#7d3c98', location: '#2c6e49', identity: '#1f4e8c',
  report: '#5d6d7e', opinion: '#8e6c00', note: '#8e6c00', indicator: '#117a65',
};

/** The relationships around an object, expandable node by node; every node and edge is one the member may read. */
export async function showGraph(root: HTMLElement, id: string | undefined): Promise<() => void> {
  if (!id) { navigate('#/search'); return () => undefined; }
  const box = h('div', { class: 'graph', id: 'graph' });
  const info = h('p', { class: 'hint' }, t('graph.hint'));
  replace(root, h('h2', null, t('graph.title')), info, box);
  const first = await get<GraphView>(`/api/objects/${encodeURIComponent(id)}/graph`);
  const cy = cytoscape({
    container: box,
    elements: [],
    style: [
      { selector: 'node', style: { label: 'data(label)', 'background-color': 'data(colour)', color: '#222', 'font-size': 10, 'text-wrap': 'ellipsis', 'text-max-width': '140px', 'text-valign': 'bottom', 'text-margin-y': 4, width: 22, height: 22 } },
      { selector: 'node.center', style: { width: 34, height: 34, 'border-width': 3, 'border-color': '#000' } },
      { selector: 'edge', style: { label: 'data(kind)', 'font-size': 8, color: '#555', width: 1.5, 'line-color': '#9aa5b1', 'target-arrow-shape': 'triangle', 'target-arrow-color': '#9aa5b1', 'curve-style': 'bezier' } },
    ],
    wheelSensitivity: 0.3,
    maxZoom: 1.6,
    minZoom: 0.2,
  });
  const expanded = new Set<string>();
  const merge = (graph: GraphView, center?: string) => {
    for (const n of graph.nodes) {
      if (cy.getElementById(n.id).nonempty()) continue;
      cy.add({ group: 'nodes', data: { id: n.id, label: `${n.name ?? n.id} · ${tOr(`type.${n.type}`, n.type)}`, colour: colours[n.type] ?? '#888', type: n.type } });
    }
    for (const e of graph.edges) {
      if (cy.getElementById(e.id).nonempty() || cy.getElementById(e.source).empty() || cy.getElementById(e.target).empty()) continue;
      cy.add({ group: 'edges', data: { id: e.id, source: e.source, target: e.target, kind: e.kind } });
    }
    if (center) cy.getElementById(center).addClass('center');
    expanded.add(graph.center);
    cy.layout(cy.nodes().length <= 12
      ? { name: 'concentric', fit: true, padding: 70, minNodeSpacing: 90, concentric: (n: cytoscape.NodeSingular) => (n.hasClass('center') ? 2 : 1), levelWidth: () => 1 }
      : { name: 'cose', animate: false, randomize: false, fit: true, padding: 60, nodeRepulsion: () => 12000, idealEdgeLength: () => 140 }).run();
    root.dataset.nodes = String(cy.nodes().length);
    root.dataset.edges = String(cy.edges().length);
  };
  merge(first, first.center);
  const expand = async (nodeId: string): Promise<void> => {
    if (expanded.has(nodeId)) return;
    merge(await get<GraphView>(`/api/objects/${encodeURIComponent(nodeId)}/graph`));
  };
  cy.on('tap', 'node', (event) => void expand(event.target.id() as string));
  cy.on('dbltap', 'node', (event) => navigate(`#/object/${encodeURIComponent(event.target.id() as string)}`));
  root.dataset.ready = 'true';
  Object.assign(window, { __concordGraph: cy, __concordExpand: expand });
  return () => cy.destroy();
}
