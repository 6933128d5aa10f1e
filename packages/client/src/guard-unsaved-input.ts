import type { ShellacClient } from './register.js';

/** True when a form field differs from what the page was served with (someone typed in it). */
export function hasUnsavedInput(root: ParentNode = document): boolean {
  // Text fields differ in value, checkboxes and radios in checked (their value is "on" against
  // a default of "" when the attribute is missing), selects in an option.
  return [...root.querySelectorAll<HTMLInputElement & HTMLSelectElement>('input,textarea,select')].some((e) =>
    e.options ? [...e.options].some((o) => o.selected !== o.defaultSelected) : /^(checkbox|radio)$/.test(e.type) ? e.checked !== e.defaultChecked : e.value !== e.defaultValue,
  );
}

/**
 * When another person signs in or this one signs out, a page holding unsaved form input is not
 * reloaded (the input would be lost): it shows a notice (`[data-shellac-user-notice]`,
 * `role="alert"`) with a reload button instead. The app shell's loader turns this on by itself;
 * call it on other pages with forms. Returns the function that turns it off.
 */
export function guardUnsavedInput(client: ShellacClient): () => void {
  return client.on('userChanged', (event) => {
    if (!hasUnsavedInput()) return;
    event.preventDefault();
    if (document.querySelector('[data-shellac-user-notice]')) return;
    document.body.insertAdjacentHTML(
      'afterbegin',
      `<p role="alert" data-shellac-user-notice style="position:fixed;top:0;left:0;right:0;z-index:2147483647;margin:0;padding:.75em 1em;background:#222;color:#fff;font:16px system-ui,sans-serif">${event.anonymous ? 'You are signed out' : 'Another account signed in'}: this page is out of date. Copy what you typed, then <button type="button">reload</button></p>`,
    );
    document.querySelector<HTMLElement>('[data-shellac-user-notice] button')!.onclick = () => location.reload(); // inserted just above
  });
}
