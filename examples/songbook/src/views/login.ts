import { html } from '../html.js';
import { pageTitle, type Page } from './page.js';

export interface LoginForm {
  username?: string;
  error?: string;
}

export function loginPage(form: LoginForm = {}): Page {
  return {
    title: pageTitle('Sign in'),
    description: 'Sign in to Songbook to keep a practice list.',
    status: form.error ? 401 : 200,
    body: html`<h1>Sign in</h1>
${form.error ? html`<p class="form-error" role="alert">${form.error}</p>
` : ''}<form class="login-form" method="post" action="/login">
  <label>Username <input name="username" autocomplete="username" required value="${form.username ?? ''}"></label>
  <label>Password <input name="password" type="password" autocomplete="current-password" required></label>
  <button type="submit">Sign in</button>
</form>
<p class="hint">Demo accounts: <code>alice</code> and <code>bob</code>, password <code>songbook</code>.</p>`,
  };
}
