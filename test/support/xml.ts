/**
 * A small, strict XML 1.0 well-formedness checker with namespaces, for tests of the documents the service emits
 * (the Atom feed). It refuses what a conforming parser refuses in such documents: unbalanced or crossed tags, a
 * second root, unescaped `<` or `&`, unknown entities, duplicate attributes, characters XML cannot carry and
 * undeclared namespace prefixes. No DTDs (the service never emits one).
 */
export interface XmlElement {
  /** The namespace URI (`''` for none) and the local name. */
  readonly ns: string;
  readonly name: string;
  readonly attrs: Readonly<Record<string, string>>;
  readonly children: readonly (XmlElement | string)[];
}

const NAME = /^[A-Za-z_][\w.-]*(?::[A-Za-z_][\w.-]*)?$/;
const ILLEGAL = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const XML_NS = 'http://www.w3.org/XML/1998/namespace';

export class XmlError extends Error {}

function decode(text: string, where: number): string {
  if (text.includes('<')) throw new XmlError(`unescaped < at ${where}`);
  if (text.includes(']]>')) throw new XmlError(`]]> in text at ${where}`);
  return text.replace(/&([^;]*);|&/g, (match, ref: string | undefined) => {
    if (ref === undefined) throw new XmlError(`bare & at ${where}`);
    if (ref in ENTITIES) return ENTITIES[ref]!;
    const code = /^#x[0-9a-fA-F]+$/.test(ref)
      ? parseInt(ref.slice(2), 16)
      : /^#\d+$/.test(ref)
        ? parseInt(ref.slice(1), 10)
        : NaN;
    if (Number.isNaN(code) || code > 0x10ffff) throw new XmlError(`unknown entity ${match} at ${where}`);
    const char = String.fromCodePoint(code);
    if (ILLEGAL.test(char)) throw new XmlError(`character reference to an illegal character at ${where}`);
    return char;
  });
}

/** Parses `text` or throws {@link XmlError} naming the first defect. */
export function parseXml(text: string): XmlElement {
  if (ILLEGAL.test(text)) throw new XmlError('a character XML cannot carry');
  let i = 0;
  if (text.startsWith('<?xml')) {
    const end = text.indexOf('?>');
    if (end < 0 || !/^<\?xml\s+version="1\.0"(\s+encoding="[A-Za-z0-9._-]+")?\s*$/.test(text.slice(0, end))) {
      throw new XmlError('malformed XML declaration');
    }
    i = end + 2;
  }
  type Open = {
    ns: string;
    name: string;
    qname: string;
    attrs: Record<string, string>;
    children: (XmlElement | string)[];
    scope: Map<string, string>;
  };
  const stack: Open[] = [];
  let root: XmlElement | undefined;
  const rootScope = new Map([
    ['xml', XML_NS],
    ['', ''],
  ]);
  const resolve = (qname: string, scope: Map<string, string>, isAttr: boolean): [string, string] => {
    const colon = qname.indexOf(':');
    if (colon < 0) return [isAttr ? '' : (scope.get('') ?? ''), qname];
    const prefix = qname.slice(0, colon);
    const ns = scope.get(prefix);
    if (ns === undefined) throw new XmlError(`undeclared namespace prefix ${prefix}`);
    return [ns, qname.slice(colon + 1)];
  };
  while (i < text.length) {
    const lt = text.indexOf('<', i);
    const chunk = text.slice(i, lt < 0 ? text.length : lt);
    if (chunk) {
      if (stack.length === 0) {
        if (chunk.trim()) throw new XmlError(`text outside the root element at ${i}`);
      } else stack.at(-1)!.children.push(decode(chunk, i));
    }
    if (lt < 0) break;
    i = lt;
    if (text.startsWith('<!--', i)) {
      const end = text.indexOf('-->', i + 4);
      if (end < 0 || text.slice(i + 4, end).includes('--')) throw new XmlError(`malformed comment at ${i}`);
      i = end + 3;
    } else if (text.startsWith('<![CDATA[', i)) {
      if (stack.length === 0) throw new XmlError('CDATA outside the root element');
      const end = text.indexOf(']]>', i);
      if (end < 0) throw new XmlError('unterminated CDATA');
      stack.at(-1)!.children.push(text.slice(i + 9, end));
      i = end + 3;
    } else if (text.startsWith('<?', i)) {
      const end = text.indexOf('?>', i);
      if (end < 0 || /^<\?xml\b/i.test(text.slice(i))) throw new XmlError(`malformed processing instruction at ${i}`);
      i = end + 2;
    } else if (text.startsWith('<!', i)) {
      throw new XmlError(`declarations are not supported (at ${i})`);
    } else if (text.startsWith('</', i)) {
      const end = text.indexOf('>', i);
      const qname = text.slice(i + 2, end).trim();
      const open = stack.pop();
      if (end < 0 || !open || open.qname !== qname) throw new XmlError(`unexpected </${qname}> at ${i}`);
      const element: XmlElement = { ns: open.ns, name: open.name, attrs: open.attrs, children: open.children };
      if (stack.length) stack.at(-1)!.children.push(element);
      else root = element;
      i = end + 1;
    } else {
      const match = /^<([^\s/>]+)((?:\s+[^\s=/>]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>/.exec(text.slice(i));
      if (!match) throw new XmlError(`malformed tag at ${i}`);
      if (root !== undefined) throw new XmlError(`a second root element at ${i}`);
      const [whole, qname, rawAttrs, selfClosing] = match as unknown as [string, string, string, string];
      if (!NAME.test(qname)) throw new XmlError(`bad element name ${qname}`);
      const raw: [string, string][] = [...rawAttrs.matchAll(/([^\s=]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)].map((m) => [
        m[1]!,
        decode(m[2] ?? m[3] ?? '', i),
      ]);
      const scope = new Map(stack.at(-1)?.scope ?? rootScope);
      const seen = new Set<string>();
      for (const [name, value] of raw) {
        if (!NAME.test(name)) throw new XmlError(`bad attribute name ${name}`);
        if (seen.has(name)) throw new XmlError(`duplicate attribute ${name} at ${i}`);
        seen.add(name);
        if (name === 'xmlns') scope.set('', value);
        else if (name.startsWith('xmlns:')) {
          if (!value) throw new XmlError(`empty namespace for ${name}`);
          scope.set(name.slice(6), value);
        }
      }
      const attrs: Record<string, string> = {};
      for (const [name, value] of raw) {
        if (name === 'xmlns' || name.startsWith('xmlns:')) continue;
        const [ns, local] = resolve(name, scope, true);
        attrs[ns ? `{${ns}}${local}` : local] = value;
      }
      const [ns, name] = resolve(qname, scope, false);
      if (selfClosing) {
        const element: XmlElement = { ns, name, attrs, children: [] };
        if (stack.length) stack.at(-1)!.children.push(element);
        else root = element;
      } else stack.push({ ns, name, qname, attrs, children: [], scope });
      i += whole.length;
    }
  }
  if (stack.length) throw new XmlError(`unclosed <${stack.at(-1)!.qname}>`);
  if (!root) throw new XmlError('no root element');
  return root;
}

/** The child elements of `element` in namespace `ns` named `name`. */
export function children(element: XmlElement, ns: string, name: string): XmlElement[] {
  return element.children.filter((c): c is XmlElement => typeof c !== 'string' && c.ns === ns && c.name === name);
}

/** The text content of an element (its text children, concatenated). */
export function textOf(element: XmlElement | undefined): string {
  if (!element) return '';
  return element.children.map((c) => (typeof c === 'string' ? c : textOf(c))).join('');
}
