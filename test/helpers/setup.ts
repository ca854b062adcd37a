// Runs before every test file. @lit-labs/virtualizer's ResizeObserver can report that it skipped
// a notification; the browser reports it as an error that mocha would count as a failure. It is
// harmless, so exactly that message is swallowed, nothing broader.
window.addEventListener(
  'error',
  (event) => {
    if (event.message === 'ResizeObserver loop completed with undelivered notifications.') {
      event.stopImmediatePropagation();
      event.preventDefault();
    }
  },
  true,
);
