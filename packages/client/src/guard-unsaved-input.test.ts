import assert from 'node:assert/strict';
import { afterEach, before, test } from 'node:test';
import { MESSAGE, type UserChangedMessage } from '@shellac/protocol';
import { holdNavigations } from '../../../test-support/page-events.js';
import { ANNOUNCER, activated, serveWorker } from '../../../test-support/service-workers.js';
import { testServer } from '../../../test-support/server.js';
import { guardUnsavedInput, hasUnsavedInput } from './guard-unsaved-input.js';
import { register, type ShellacClient } from './register.js';

// Runs in a page: real form fields, and a real worker that tells the page the person changed.
const server = testServer();
let client: ShellacClient;
let worker: ServiceWorker;
let navigations: ReturnType<typeof holdNavigations>;

before(async () => {
  await serveWorker(server, '/guard/sw.js', ANNOUNCER);
  client = register({ url: server.url('/guard/sw.js') });
  const registration = await client.ready;
  assert.ok(registration, 'the worker registered');
  worker = await activated(registration);
});
afterEach(() => {
  navigations?.release();
  document.body.replaceChildren();
});

/**
 * The worker says the person changed; resolves once the client has handled it, its reload timer
 * included: a listener added after the client's runs after it, and a 0 ms timer set from there
 * fires after the client's own.
 */
const personChanged = (change: Omit<UserChangedMessage, 'type'>) => {
  navigations = holdNavigations();
  const handled = new Promise((resolve) => navigator.serviceWorker.addEventListener('message', () => setTimeout(resolve, 0), { once: true }));
  worker.postMessage({ announce: { type: MESSAGE.userChanged, ...change } });
  return handled;
};

const field = <T extends Element>(selector: string) => document.querySelector<T>(selector)!; // the test wrote the markup just before

test('hasUnsavedInput: a text field, a checkbox or a select that differs from what the page was served with', () => {
  document.body.innerHTML = `<form><input name="t" value="a"><textarea>b</textarea><input type="checkbox" value="yes" checked>
    <select><option>x</option><option selected>y</option></select></form>`;
  assert.equal(hasUnsavedInput(), false);
  const text = field<HTMLInputElement>('input[name=t]');
  const area = field<HTMLTextAreaElement>('textarea');
  const box = field<HTMLInputElement>('input[type=checkbox]');
  const select = field<HTMLSelectElement>('select');
  for (const [change, undo] of [
    [() => (text.value = 'typed'), () => (text.value = 'a')],
    [() => (area.value = 'typed'), () => (area.value = 'b')],
    [() => (box.checked = false), () => (box.checked = true)],
    [() => (select.value = 'x'), () => (select.value = 'y')],
  ]) {
    change!();
    assert.equal(hasUnsavedInput(), true);
    undo!();
    assert.equal(hasUnsavedInput(), false);
  }
});

// A checkbox or radio without a value attribute has value "on" but defaultValue "": comparing
// values made any page holding one count as unsaved, and the guard never let it reload.
test('an untouched checkbox or radio without a value attribute is not unsaved input', () => {
  document.body.innerHTML = '<input type="checkbox"><input type="radio" name="r" checked><input type="radio" name="r">';
  assert.equal(hasUnsavedInput(), false);
  document.querySelector<HTMLInputElement>('input[type="checkbox"]')!.checked = true;
  assert.equal(hasUnsavedInput(), true);
});

test('hasUnsavedInput looks only under the root it is given', () => {
  document.body.innerHTML = '<form id="a"><input value="1"></form><form id="b"><input value="2"></form>';
  field<HTMLInputElement>('#a input').value = 'typed';
  assert.equal(hasUnsavedInput(field('#a')), true);
  assert.equal(hasUnsavedInput(field('#b')), false);
});

test('with unsaved input, a change of person shows one notice instead of reloading', async () => {
  document.body.innerHTML = '<input value="draft">';
  field<HTMLInputElement>('input').value = 'what I typed';
  const off = guardUnsavedInput(client);
  await personChanged({ reason: 'switch', anonymous: false });
  await personChanged({ reason: 'switch', anonymous: false });
  off();
  const notices = document.querySelectorAll('[data-shellac-user-notice]');
  assert.equal(notices.length, 1);
  assert.equal(notices[0]!.getAttribute('role'), 'alert');
  assert.match(notices[0]!.textContent ?? '', /^Another account signed in: this page is out of date/);
  assert.equal(navigations.held.length, 0);
  assert.equal(field<HTMLInputElement>('input').value, 'what I typed');
});

test('the notice says when the person signed out, and its button reloads', async () => {
  document.body.innerHTML = '<textarea>draft</textarea>';
  field<HTMLTextAreaElement>('textarea').value = 'typed';
  const off = guardUnsavedInput(client);
  await personChanged({ reason: 'logout', anonymous: true });
  off();
  assert.match(field('[data-shellac-user-notice]').textContent ?? '', /^You are signed out/);
  assert.equal(navigations.held.length, 0);
  field<HTMLButtonElement>('[data-shellac-user-notice] button').click();
  assert.deepEqual(navigations.held.map((n) => n.type), ['reload']);
});

test('without unsaved input, or once the guard is off, the page reloads', async () => {
  document.body.innerHTML = '<input value="draft">';
  const off = guardUnsavedInput(client);
  await personChanged({ reason: 'switch', anonymous: false });
  assert.deepEqual(navigations.held.map((n) => n.type), ['reload']);
  navigations.release();

  field<HTMLInputElement>('input').value = 'typed';
  off();
  await personChanged({ reason: 'switch', anonymous: false });
  assert.deepEqual(navigations.held.map((n) => n.type), ['reload']);
  assert.equal(document.querySelector('[data-shellac-user-notice]'), null);
});
