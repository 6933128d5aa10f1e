import { html } from '../html.js';
import { pageTitle, type Page } from './page.js';

export function notFoundPage(path: string): Page {
  return {
    title: pageTitle('Page not found'),
    description: 'This page does not exist.',
    status: 404,
    body: html`<h1>Page not found</h1>
<p>There is nothing at <code>${path}</code>.</p>
<p><a href="/">Back to all lessons</a></p>`,
  };
}
