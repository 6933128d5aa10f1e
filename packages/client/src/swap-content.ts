/** Metadata the content may bring; earlier content's copies are removed on each swap. */
const META = 'meta[name],meta[property],link[rel="canonical"]';

/**
 * Puts a content document into the shell: its title and metadata into the head, its body into
 * `region`. `ran` holds the external scripts this page life has run already.
 */
export function swapContent(region: Element, doc: Document, ran: Set<string>): void {
  document.title = doc.title;
  document.head.querySelectorAll('[data-shellac-meta]').forEach((el) => el.remove());
  doc.head.querySelectorAll(META).forEach((el) => {
    // The content's description replaces the shell's own, rather than standing beside it.
    const key = ['name', 'property', 'rel'].find((a) => el.hasAttribute(a))!; // META selects only elements with one of these
    document.head.querySelectorAll(`${el.localName}[${key}="${CSS.escape(el.getAttribute(key)!)}"]`).forEach((old) => old.remove());
    const copy = document.importNode(el, true);
    copy.setAttribute('data-shellac-meta', '');
    document.head.append(copy);
  });
  region.replaceChildren(...document.importNode(doc.body, true).childNodes);
  // Scripts inserted as nodes do not run: recreate them. An external script runs once per
  // page life, however often its content comes back; inline ones run with their content.
  region.querySelectorAll('script').forEach((old) => {
    if (old.src && ran.has(old.src)) return old.remove();
    if (old.src) ran.add(old.src);
    const script = document.createElement('script');
    for (const a of old.attributes) script.setAttribute(a.name, a.value);
    script.text = old.text;
    old.replaceWith(script);
  });
}
