// The whole app is a static site: every page is rendered at build time.
export const prerender = true;
export const trailingSlash = 'never';
