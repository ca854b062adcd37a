// What a wizard needs only once it is on a page: the steps' templates, their styles and the submit.
// A chunk of its own (see internal/lazy-view.ts), so a desk page that shows no wizard does not load it.
export { styles } from './channel-connect-wizard.styles.js';
export { usable } from './choose-step.js';
export { renderWizardStep } from './wizard-steps.js';
export { submitWizard } from './wizard-submit.js';
