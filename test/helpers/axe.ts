import 'axe-core/axe.min.js';

interface AxeResults {
  violations: { id: string; help: string; nodes: { target: unknown[] }[] }[];
}
declare global {
  interface Window {
    axe: { run(context: Element, options: object): Promise<AxeResults> };
  }
}

/** Runs axe with the WCAG 2.2 AA rules and `target-size`; fails with a readable list of violations. */
export async function expectNoAxeViolations(element: Element): Promise<void> {
  const results = await window.axe.run(element, {
    runOnly: {
      type: 'tag',
      values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'],
    },
    rules: { 'target-size': { enabled: true }, region: { enabled: false } },
  });
  const report = results.violations
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')})`)
    .join('\n');
  if (report) throw new Error(`axe found violations:\n${report}`);
}
