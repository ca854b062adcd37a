// Turning a saved HTML draft back into DOM goes through an HTML sink, which a page that enforces
// Trusted Types guards. The only HTML passed here is the editor's own serializer output (read
// back from the draft), and it is parsed into an inert <template>, then filtered again by the
// schema; so a policy that passes it through is sound. If the page's CSP does not list the policy,
// the draft falls back to its plain text (the caller catches the error).
interface TrustedTypesLike {
  createPolicy(
    name: string,
    rules: { createHTML: (s: string) => string },
  ): {
    createHTML(s: string): unknown;
  };
}

let policy: { createHTML(s: string): unknown } | null | undefined;

function trusted(html: string): string {
  if (policy === undefined) {
    const tt = (globalThis as { trustedTypes?: TrustedTypesLike }).trustedTypes;
    policy = tt ? tt.createPolicy('helpdesk-reply-editor', { createHTML: (s) => s }) : null;
  }
  return (policy ? policy.createHTML(html) : html) as string;
}

export function htmlToFragment(html: string): DocumentFragment {
  const template = document.createElement('template');
  template.innerHTML = trusted(html);
  return template.content;
}
