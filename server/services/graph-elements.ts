/** Nodes and edges in the shape the UI hands to Cytoscape (GraphQL type GraphElements). */
export interface GraphNode {
  id: string;
  label: string;
  name: string;
  properties: Record<string, unknown>;
}

export interface GraphEdge {
  id: string;
  type: string;
  source: string;
  target: string;
  properties: Record<string, unknown>;
}

export interface GraphElements {
  nodes: GraphNode[];
  edges: GraphEdge[];
}
