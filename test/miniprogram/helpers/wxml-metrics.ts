/**
 * The shape of a rendered WXML tree as WeChat's audits measure it: element count, depth and the
 * most children under one element (text nodes are not counted). Custom components declared as
 * virtual hosts (TDesign's) add no node of their own, as in WeChat.
 */
export interface TreeMetrics {
  nodes: number;
  depth: number;
  maxChildren: number;
}

/** Metrics of everything below `root` (the page or component host itself is not counted). */
export function treeMetrics(root: Element): TreeMetrics {
  const metrics: TreeMetrics = { nodes: 0, depth: 0, maxChildren: 0 };
  const walk = (element: Element, depth: number): void => {
    metrics.maxChildren = Math.max(metrics.maxChildren, element.children.length);
    for (const child of Array.from(element.children)) {
      metrics.nodes += 1;
      metrics.depth = Math.max(metrics.depth, depth);
      walk(child, depth + 1);
    }
  };
  walk(root, 1);
  return metrics;
}
