/**
 * The only way the card puts things on the page. Every value from the sheet arrives as a child
 * string, which becomes a text node, or as an attribute value set with setAttribute: there is no
 * path from data to markup (no innerHTML anywhere in sidebar/, and a build test checks that).
 */

export type Child = Node | string | number | null | undefined | false;
export type Attrs = Record<string, string | number | boolean | null | undefined | EventListener>;

function apply(node: Element, attrs: Attrs | undefined): void {
  if (!attrs) return;
  for (const name of Object.keys(attrs)) {
    const value = attrs[name];
    if (value === null || value === undefined || value === false) continue;
    if (typeof value === 'function') {
      // 'onclick' → 'click': listeners, never inline handler attributes.
      node.addEventListener(name.slice(2), value);
    } else {
      node.setAttribute(name, value === true ? '' : String(value));
    }
  }
}

function append(node: Node, children: Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    node.appendChild(typeof child === 'object' ? child : document.createTextNode(String(child)));
  }
}

/** An HTML element with attributes (or `on…` listeners) and children as text or nodes. */
export function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs?: Attrs | null, ...children: Child[]): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  apply(node, attrs ?? undefined);
  append(node, children);
  return node;
}

let svgNamespace: string | null = null;

/**
 * The SVG namespace, read from an <svg> the HTML parser made in the page template: the built
 * file carries no URL-looking text at all, not even the namespace's.
 */
function svgNs(): string {
  if (svgNamespace === null) {
    const template = document.getElementById('svg-ns') as HTMLTemplateElement | null;
    const parsed = template?.content.firstElementChild;
    if (!parsed) throw new Error('the page template has no <template id="svg-ns">');
    svgNamespace = parsed.namespaceURI ?? '';
  }
  return svgNamespace;
}

/** An SVG element; same rules as el(). */
export function svg(tag: string, attrs?: Attrs | null, ...children: Child[]): SVGElement {
  const node = document.createElementNS(svgNs(), tag) as SVGElement;
  apply(node, attrs ?? undefined);
  append(node, children);
  return node;
}

/** Replace a node's children. */
export function fill(node: Element, ...children: Child[]): void {
  while (node.firstChild) node.removeChild(node.firstChild);
  append(node, children);
}

let ids = 0;
/** A fresh id for label/aria-describedby links. */
export function uid(prefix: string): string {
  ids += 1;
  return `${prefix}-${ids}`;
}
